package com.mocktrading.persistence.sink;

import java.io.Serializable;

/**
 * One trade as a store takes it: its id (the eventId, which makes a replay overwrite or merge), where it goes
 * (an index; unused by ClickHouse, whose table is fixed) and the body (document or row).
 */
public record StoredTrade(String id, String destination, String body) implements Serializable {

    long sizeInBytes() {
        return id.length() + destination.length() + body.length();
    }
}
