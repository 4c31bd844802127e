package com.mocktrading.chaos;

import java.util.List;

/**
 * What one client saw of one order it wanted placed, after all its attempts.
 *
 * @param key the {@code Idempotency-Key} it sent, or null for an unkeyed order
 * @param orderIds the order ids of every accepted answer (one, or none; two would be a duplicate)
 * @param answer {@code ACCEPTED}, the problem code of a final refusal, or {@code NO_ANSWER} when the client gave
 *     up without knowing (an unkeyed order that timed out, or retries past the client's patience)
 * @param answers every attempt's answer, e.g. {@code 503 OVERLOADED}, {@code TIMEOUT}, {@code 202}
 */
record PlacedOrder(
        String userId,
        String key,
        String symbol,
        String side,
        int quantity,
        List<String> orderIds,
        String answer,
        List<String> answers) {

    static final String ACCEPTED = "ACCEPTED";
    static final String NO_ANSWER = "NO_ANSWER";

    PlacedOrder {
        orderIds = List.copyOf(orderIds);
        answers = List.copyOf(answers);
    }

    int attempts() {
        return answers.size();
    }

    boolean accepted() {
        return ACCEPTED.equals(answer);
    }
}
