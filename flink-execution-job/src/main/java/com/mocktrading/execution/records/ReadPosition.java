package com.mocktrading.execution.records;

/** How far trade_executed has been read back in one partition: the next offset to read. */
public record ReadPosition(int partition, long offset) {}
