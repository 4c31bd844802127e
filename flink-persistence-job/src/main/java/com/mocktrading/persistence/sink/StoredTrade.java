package com.mocktrading.persistence.sink;

import com.mocktrading.events.TraceContext;
import java.io.Serializable;

/**
 * One trade as a store takes it: its id (the eventId, which makes a replay overwrite or merge), where it goes
 * (an index; unused by ClickHouse, whose table is fixed), the body (document or row) and the trace context its write
 * continues (null when the event carried none).
 */
public record StoredTrade(String id, String destination, String body, TraceContext trace) implements Serializable {

    public StoredTrade(String id, String destination, String body) {
        this(id, destination, body, null);
    }

    private static final String UNSTORABLE = "unstorable:";

    /**
     * A record no store can take (not a valid event): it travels the pipeline like a trade, so that it is
     * dead-lettered by the sink, checkpointed like any entry, and never skipped.
     */
    public static StoredTrade unstorable(String id, String raw, String reason) {
        return new StoredTrade(id, UNSTORABLE + reason, raw, null);
    }

    /** This trade's write continuing {@code context}'s trace. */
    public StoredTrade tracedBy(TraceContext context) {
        return new StoredTrade(id, destination, body, context);
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
