package com.mocktrading.consistency;

/** One thing the stores disagree on, of one of the kinds the system promises never to happen. */
public record Violation(Kind kind, String description) {

    /** What was broken. */
    public enum Kind {
        /** An accepted order without its outcome (undecided past the bound, or absent from a store). */
        LOST,
        /** An order decided, published or stored more than once. */
        DUPLICATED,
        /** An outcome or trade without an accepted order behind it. */
        PHANTOM,
        /** Negative cash or holdings. */
        NEGATIVE,
        /** A portfolio that is not its funding plus its trades, or stores telling different outcomes. */
        MISMATCH
    }

    @Override
    public String toString() {
        return description;
    }
}
