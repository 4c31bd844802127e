package com.mocktrading.query.history;

/** A {@code cursor} parameter that cannot continue the search it came with; the message says why. */
class InvalidCursorException extends IllegalArgumentException {

    InvalidCursorException(String reason) {
        super(reason);
    }
}
