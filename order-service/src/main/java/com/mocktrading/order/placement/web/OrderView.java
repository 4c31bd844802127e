package com.mocktrading.order.placement.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.order.placement.Acceptance;

/** An order as the contract shows it: money as strings, timestamps with milliseconds, absent fields omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
        String orderId,
        String userId,
        String symbol,
        String side,
        long quantity,
        String status,
        String acceptedAt,
        String validationPrice,
        String executionPrice,
        String executedAt,
        String failureReason) {

    public static OrderView of(Acceptance acceptance) {
        return new OrderView(
                acceptance.orderId(),
                acceptance.userId(),
                acceptance.symbol(),
                acceptance.side().name(),
                acceptance.quantity(),
                OrderStatus.ACCEPTED.name(),
                Timestamps.format(acceptance.acceptedAt()),
                Money.formatPrice(acceptance.validationPrice()),
                null,
                null,
                null);
    }

    public static OrderView of(OrderRecord order) {
        return new OrderView(
                order.orderId(),
                order.userId(),
                order.symbol(),
                order.side().name(),
                order.quantity(),
                order.status().name(),
                Timestamps.format(order.acceptedAt()),
                order.validationPrice() == null ? null : Money.formatPrice(order.validationPrice()),
                order.executionPrice() == null ? null : Money.formatPrice(order.executionPrice()),
                order.executedAt() == null ? null : Timestamps.format(order.executedAt()),
                order.failureReason());
    }
}
