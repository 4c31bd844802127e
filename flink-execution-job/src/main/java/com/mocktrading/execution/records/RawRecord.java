package com.mocktrading.execution.records;

/** A Kafka record as it arrived: bytes only, so that even unparseable records reach the dead-letter topic. */
public record RawRecord(byte[] key, byte[] value) {}
