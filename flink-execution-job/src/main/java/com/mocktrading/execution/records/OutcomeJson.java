package com.mocktrading.execution.records;

/** A serialized trade_executed event and the keys it is routed and de-duplicated by. */
public record OutcomeJson(String userId, String orderId, String json) {}
