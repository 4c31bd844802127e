package com.mocktrading.order.query.web;

import com.mocktrading.core.order.OrderStore;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.OrderIds;
import com.mocktrading.order.placement.web.OrderView;
import com.mocktrading.platform.dependency.Dependency;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import com.mocktrading.platform.security.CurrentUser;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /orders/{orderId}} and {@code GET /orders?status=&limit=}: the caller's orders only. */
@RestController
class OrderQueryController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** What a user's orders can be in: a withdrawn publication is no order of theirs. */
    private static final List<OrderStatus> LISTED_STATUSES =
            Arrays.stream(OrderStatus.values()).filter(OrderStatus::isAccepted).toList();

    private final OrderStore orders;
    private final DependencyCalls calls;

    OrderQueryController(OrderStore orders, DependencyCalls calls) {
        this.orders = orders;
        this.calls = calls;
    }

    /**
     * Another user's order is a 404, like a missing one: its existence is not revealed. An id that no order can
     * have is refused before any store call, so malformed ids never reach (or count against) DynamoDB.
     */
    @GetMapping("/orders/{orderId}")
    OrderView order(@PathVariable String orderId) {
        if (!OrderIds.isValid(orderId)) {
            throw ApiException.validation(
                    List.of(new FieldError("orderId", "an order id: 1 to 64 of A-Z a-z 0-9 _ -")));
        }
        String caller = CurrentUser.id();
        return calls.read(Dependency.DYNAMODB, () -> orders.find(orderId))
                .filter(order -> order.userId().equals(caller))
                .map(OrderView::of)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No order " + orderId));
    }

    @GetMapping("/orders")
    RecentOrders recent(@RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
        Optional<OrderStatus> wanted = Optional.ofNullable(status).map(OrderQueryController::status);
        int count = limit(limit);
        String caller = CurrentUser.id();
        return new RecentOrders(calls.read(Dependency.DYNAMODB, () -> orders.recentOf(caller, wanted, count)).stream()
                .map(OrderView::of)
                .toList());
    }

    record RecentOrders(List<OrderView> orders) {}

    private static OrderStatus status(String text) {
        return LISTED_STATUSES.stream()
                .filter(value -> value.name().equals(text))
                .findFirst()
                .orElseThrow(
                        () -> ApiException.validation(List.of(new FieldError("status", "one of " + LISTED_STATUSES))));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ApiException.validation(List.of(new FieldError("limit", "a whole number from 1 to " + MAX_LIMIT)));
    }
}
