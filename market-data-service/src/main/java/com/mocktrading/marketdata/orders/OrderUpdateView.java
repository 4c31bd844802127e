package com.mocktrading.marketdata.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.events.TradeExecutedPayload;
import tools.jackson.databind.json.JsonMapper;

/** The payload of an {@code order_update} frame (contract), as published on the owner's Redis channel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderUpdateView(
        String orderId,
        String symbol,
        String side,
        long quantity,
        String status,
        String executionPrice,
        String executionTimestamp,
        String failureReason) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static OrderUpdateView of(TradeExecutedPayload outcome) {
        return new OrderUpdateView(
                outcome.orderId(),
                outcome.symbol(),
                outcome.side().name(),
                outcome.quantity(),
                outcome.status().name(),
                outcome.executionPrice() == null ? null : Money.formatPrice(outcome.executionPrice()),
                Timestamps.format(outcome.executionTimestamp()),
                outcome.failureReason());
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }
}
