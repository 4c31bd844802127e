package com.mocktrading.persistence.sink;

import java.io.Serializable;

/**
 * One trade as a store takes it: its id (the eventId, which makes a replay overwrite or merge), where it goes
 * (an index; unused by ClickHouse, whose table is fixed) and the body (document or row).
 */
public record StoredTrade(String id, String destination, String body) implements Serializable {

    private static final String UNSTORABLE = "unstorable:";

    /**
     * A record no store can take (not a valid event): it travels the pipeline like a trade, so that it is
     * dead-lettered by the sink, checkpointed like any entry, and never skipped.
     */
    public static StoredTrade unstorable(String id, String raw, String reason) {
        return new StoredTrade(id, UNSTORABLE + reason, raw);
    }

    public boolean isUnstorable() {
        return destination.startsWith(UNSTORABLE);
    }

    /** Why an {@link #unstorable} record cannot be stored. */
    public String unstorableReason() {
        return destination.substring(UNSTORABLE.length());
    }

    long sizeInBytes() {
        return id.length() + destination.length() + body.length();
    }
}
