package com.mocktrading.execution.records;

/**
 * A trade_orders record that parsed and validated, carried as its original JSON (cheap to serialize between
 * operators and checkpoints) with the user id the stream is keyed by.
 */
public record OrderRecordJson(String userId, String orderId, String json) {}
