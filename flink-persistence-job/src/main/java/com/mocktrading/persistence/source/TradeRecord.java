package com.mocktrading.persistence.source;

/**
 * A trade_executed record as it was read: its bytes, not yet parsed, so that a record that is not a valid event
 * still travels to the sink, which dead-letters it; and where it was read, which names it in that dead letter.
 */
public record TradeRecord(String position, byte[] value) {}
