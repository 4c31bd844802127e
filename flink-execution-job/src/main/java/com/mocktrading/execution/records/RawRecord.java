package com.mocktrading.execution.records;

/**
 * A Kafka record as it arrived: bytes only, so that even unparseable records reach the dead-letter topic; with its
 * W3C trace context headers (null when absent), which the producer's span set.
 */
public record RawRecord(byte[] key, byte[] value, String traceparent, String tracestate) {}
