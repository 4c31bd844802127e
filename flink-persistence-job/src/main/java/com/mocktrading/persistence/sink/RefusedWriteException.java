package com.mocktrading.persistence.sink;

/** A store refused a trade for a reason no retry fixes (a mapping or schema mismatch): a bug to fix, not to drop. */
public final class RefusedWriteException extends RuntimeException {

    public RefusedWriteException(String message) {
        super(message);
    }
}
