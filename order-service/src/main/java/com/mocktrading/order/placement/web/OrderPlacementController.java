package com.mocktrading.order.placement.web;

import com.mocktrading.domain.order.OrderRefusedException;
import com.mocktrading.order.placement.IdempotencyKey;
import com.mocktrading.order.placement.OrderIntake;
import com.mocktrading.order.placement.OrderRequestParser;
import com.mocktrading.platform.security.CurrentUser;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /orders}: 202 once the order is durably in trade_orders. */
@RestController
class OrderPlacementController {

    private final OrderIntake intake;

    OrderPlacementController(OrderIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderView> place(
            @RequestBody Map<String, Object> body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Optional<IdempotencyKey> key = Optional.ofNullable(idempotencyKey).map(IdempotencyKey::parse);
        OrderView order;
        try {
            order = OrderView.of(intake.place(CurrentUser.id(), OrderRequestParser.parse(body), key));
        } catch (OrderRefusedException refused) {
            throw OrderRefusals.answer(refused);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/v1/orders/" + order.orderId()))
                .body(order);
    }
}
