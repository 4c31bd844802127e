package com.mocktrading.order.placement;

import com.mocktrading.events.Side;
import com.mocktrading.events.Symbols;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.FieldError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw JSON object of {@code POST /orders} into an {@link OrderRequest}, or refuses it with every
 * field's problem at once. Strict on purpose: a fractional, quoted or out-of-range quantity, a lowercase
 * symbol or an unknown field (say a {@code price}, for an order type that does not exist) is an error, never
 * silently coerced into an order the user did not mean.
 *
 * <p>Why not a request record bound by Jackson with Bean Validation: strict binding stops at the first value of the
 * wrong type (a {@code 2.5} quantity), so a request with three bad fields would be told of one, and the constraints
 * of the others would never run. The body is read by Spring's strict mapper (duplicate keys refused) into a map, and
 * this class is the one place that says what an order request is.
 */
public final class OrderRequestParser {

    public static final long MAX_QUANTITY = 1_000_000;
    private static final Set<String> FIELDS = Set.of("symbol", "side", "quantity");

    private OrderRequestParser() {}

    public static OrderRequest parse(Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream()
                .filter(field -> !FIELDS.contains(field))
                .sorted()
                .forEach(field -> errors.add(new FieldError(field, "unknown field")));
        String symbol = symbol(body.get("symbol"), errors);
        Side side = side(body.get("side"), errors);
        long quantity = quantity(body.get("quantity"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new OrderRequest(symbol, side, quantity);
    }

    private static String symbol(Object value, List<FieldError> errors) {
        if (!(value instanceof String text) || !Symbols.isValid(text)) {
            errors.add(new FieldError("symbol", "required: 1 to 10 characters of A-Z, 0-9 and '.'"));
            return null;
        }
        return text;
    }

    private static Side side(Object value, List<FieldError> errors) {
        if ("BUY".equals(value)) {
            return Side.BUY;
        }
        if ("SELL".equals(value)) {
            return Side.SELL;
        }
        errors.add(new FieldError("side", "required: BUY or SELL"));
        return null;
    }

    private static long quantity(Object value, List<FieldError> errors) {
        long quantity = 0;
        if (value instanceof Integer || value instanceof Long) {
            quantity = ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            quantity = big.bitLength() < 63 ? big.longValue() : Long.MAX_VALUE;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            errors.add(new FieldError("quantity", "required: a whole number from 1 to " + MAX_QUANTITY));
        }
        return quantity;
    }
}
