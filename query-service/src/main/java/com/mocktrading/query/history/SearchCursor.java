package com.mocktrading.query.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in a user's history, which is ordered by execution time, newest first, then by event id, highest
 * first. The pair is unique (event ids are), so continuing strictly after it neither repeats nor skips a trade,
 * whatever is inserted meanwhile.
 */
public record SearchCursor(Instant executionTimestamp, String eventId) {

    public SearchCursor {
        Objects.requireNonNull(executionTimestamp, "executionTimestamp");
        Objects.requireNonNull(eventId, "eventId");
    }
}
