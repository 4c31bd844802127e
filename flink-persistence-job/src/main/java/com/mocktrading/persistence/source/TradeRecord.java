package com.mocktrading.persistence.source;

/**
 * A trade_executed record as it was read: its bytes, not yet parsed, so that a record that is not a valid event
 * still travels to the sink, which dead-letters it; where it was read, which names it in that dead letter; and its
 * W3C trace context headers (null when absent), the emitting span's context.
 */
public record TradeRecord(String position, byte[] value, String traceparent, String tracestate) {}
