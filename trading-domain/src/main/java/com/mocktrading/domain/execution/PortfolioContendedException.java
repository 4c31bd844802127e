package com.mocktrading.domain.execution;

/**
 * The portfolio kept changing under an order through every optimistic attempt: each transaction found another
 * version than the one it read. Retrying the whole execution again would only repeat that, so it is not retried.
 */
public final class PortfolioContendedException extends RuntimeException {

    PortfolioContendedException(String userId, String orderId, int attempts) {
        super("portfolio of " + userId + " kept changing under order " + orderId + " through " + attempts
                + " attempts");
    }
}
