package com.mocktrading.execution.records;

/** A trade_orders record the job could not process, with why. */
public record DeadLetter(byte[] key, byte[] value, String reason) {}
