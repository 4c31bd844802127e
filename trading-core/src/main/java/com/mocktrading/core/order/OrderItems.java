package com.mocktrading.core.order;

import static com.mocktrading.core.dynamodb.Attributes.instant;
import static com.mocktrading.core.dynamodb.Attributes.integer;
import static com.mocktrading.core.dynamodb.Attributes.number;
import static com.mocktrading.core.dynamodb.Attributes.optionalDecimal;
import static com.mocktrading.core.dynamodb.Attributes.optionalInstant;
import static com.mocktrading.core.dynamodb.Attributes.optionalString;
import static com.mocktrading.core.dynamodb.Attributes.string;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.Side;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code Orders} item layout, in both directions. */
public final class OrderItems {

    public static final String ORDER_ID = "orderId";
    public static final String USER_ID = "userId";
    public static final String SYMBOL = "symbol";
    public static final String SIDE = "side";
    public static final String QUANTITY = "quantity";
    public static final String STATUS = "status";
    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String VALIDATION_PRICE = "validationPrice";
    public static final String EXECUTION_PRICE = "executionPrice";
    public static final String EXECUTED_AT = "executedAt";
    public static final String FAILURE_REASON = "failureReason";

    private OrderItems() {}

    public static Map<String, AttributeValue> toItem(OrderRecord order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ORDER_ID, string(order.orderId()));
        item.put(USER_ID, string(order.userId()));
        item.put(SYMBOL, string(order.symbol()));
        item.put(SIDE, string(order.side().name()));
        item.put(QUANTITY, number(order.quantity()));
        item.put(STATUS, string(order.status().name()));
        item.put(ACCEPTED_AT, instant(order.acceptedAt()));
        if (order.validationPrice() != null) {
            item.put(VALIDATION_PRICE, number(order.validationPrice()));
        }
        if (order.executionPrice() != null) {
            item.put(EXECUTION_PRICE, number(order.executionPrice()));
        }
        if (order.executedAt() != null) {
            item.put(EXECUTED_AT, instant(order.executedAt()));
        }
        if (order.failureReason() != null) {
            item.put(FAILURE_REASON, string(order.failureReason()));
        }
        return item;
    }

    public static OrderRecord fromItem(Map<String, AttributeValue> item) {
        return new OrderRecord(
                string(item, ORDER_ID),
                string(item, USER_ID),
                string(item, SYMBOL),
                Side.valueOf(string(item, SIDE)),
                integer(item, QUANTITY),
                OrderStatus.valueOf(string(item, STATUS)),
                instant(item, ACCEPTED_AT),
                optionalDecimal(item, VALIDATION_PRICE),
                optionalDecimal(item, EXECUTION_PRICE),
                optionalInstant(item, EXECUTED_AT),
                optionalString(item, FAILURE_REASON));
    }
}
