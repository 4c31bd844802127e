package com.mocktrading.domain.order;

/**
 * An order the rules refuse before it is queued; nothing was changed. The web layer answers each kind with its
 * code of the contract; the domain knows no status codes.
 */
public abstract sealed class OrderRefusedException extends RuntimeException
        permits OrderRefusedException.InsufficientFunds,
                OrderRefusedException.InsufficientHoldings,
                OrderRefusedException.StalePrice {

    private OrderRefusedException(String message) {
        super(message);
    }

    /** A buy whose notional at the latest price is more than the cash. */
    public static final class InsufficientFunds extends OrderRefusedException {
        InsufficientFunds(String message) {
            super(message);
        }
    }

    /** A sell of more shares than are held. */
    public static final class InsufficientHoldings extends OrderRefusedException {
        InsufficientHoldings(String message) {
            super(message);
        }
    }

    /** The latest price is older than the staleness bound: there is no usable price until the feed catches up. */
    public static final class StalePrice extends OrderRefusedException {
        StalePrice(String message) {
            super(message);
        }
    }
}
