package com.mocktrading.execution.records;

/**
 * A serialized trade_executed event and the keys it is routed and de-duplicated by.
 *
 * @param replayed the order had been decided before this execution (its outcome may be in the topic already)
 */
public record OutcomeJson(String userId, String orderId, String json, boolean replayed) {}
