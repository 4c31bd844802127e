package com.mocktrading.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The codec of every payload type of the catalogue. */
final class PayloadCodecs {

    private static final Map<Class<?>, PayloadCodec<?>> BY_TYPE = Map.of(
            MarketDataPayload.class, new MarketData(),
            TradeOrderPayload.class, new TradeOrder(),
            TradeExecutedPayload.class, new TradeExecuted());

    private PayloadCodecs() {}

    // Safe: every entry of BY_TYPE is keyed by the payload type its codec handles.
    @SuppressWarnings("unchecked")
    static <P> PayloadCodec<P> forType(Class<P> type) {
        PayloadCodec<?> codec = BY_TYPE.get(type);
        if (codec == null) {
            throw new IllegalArgumentException("no JSON codec for payload type " + type.getName());
        }
        return (PayloadCodec<P>) codec;
    }

    private static final class MarketData implements PayloadCodec<MarketDataPayload> {
        @Override
        public void write(MarketDataPayload p, ObjectNode target) {
            target.put("symbol", p.symbol());
            target.put("price", JsonWire.format(p.price()));
            target.put("feedTimestamp", JsonWire.format(p.feedTimestamp()));
        }

        @Override
        public MarketDataPayload read(FieldReader in) {
            String symbol = in.requiredText("symbol");
            var price = in.requiredDecimal("price");
            var feedTimestamp = in.requiredInstant("feedTimestamp");
            return in.build(() -> new MarketDataPayload(symbol, price, feedTimestamp));
        }
    }

    private static final class TradeOrder implements PayloadCodec<TradeOrderPayload> {
        @Override
        public void write(TradeOrderPayload p, ObjectNode target) {
            target.put("orderId", p.orderId());
            target.put("userId", p.userId());
            target.put("symbol", p.symbol());
            target.put("quantity", p.quantity());
            target.put("side", p.side().name());
            target.put("orderTimestamp", JsonWire.format(p.orderTimestamp()));
        }

        @Override
        public TradeOrderPayload read(FieldReader in) {
            String orderId = in.requiredText("orderId");
            String userId = in.requiredText("userId");
            String symbol = in.requiredText("symbol");
            long quantity = in.requiredLong("quantity");
            Side side = in.requiredEnum("side", Side.class);
            var orderTimestamp = in.requiredInstant("orderTimestamp");
            return in.build(() -> new TradeOrderPayload(orderId, userId, symbol, quantity, side, orderTimestamp));
        }
    }

    private static final class TradeExecuted implements PayloadCodec<TradeExecutedPayload> {
        @Override
        public void write(TradeExecutedPayload p, ObjectNode target) {
            target.put("orderId", p.orderId());
            target.put("userId", p.userId());
            target.put("symbol", p.symbol());
            target.put("quantity", p.quantity());
            target.put("side", p.side().name());
            target.put("status", p.status().name());
            if (p.executionPrice() != null) {
                target.put("executionPrice", JsonWire.format(p.executionPrice()));
            }
            target.put("executionTimestamp", JsonWire.format(p.executionTimestamp()));
            if (p.failureReason() != null) {
                target.put("failureReason", p.failureReason());
            }
        }

        @Override
        public TradeExecutedPayload read(FieldReader in) {
            String orderId = in.requiredText("orderId");
            String userId = in.requiredText("userId");
            String symbol = in.requiredText("symbol");
            long quantity = in.requiredLong("quantity");
            Side side = in.requiredEnum("side", Side.class);
            ExecutionStatus status = in.requiredEnum("status", ExecutionStatus.class);
            // Required exactly for executed trades, so a missing price is reported as a missing field.
            var price =
                    status.isExecuted() ? in.requiredDecimal("executionPrice") : in.optionalDecimal("executionPrice");
            var executionTimestamp = in.requiredInstant("executionTimestamp");
            String failureReason = in.optionalText("failureReason");
            return in.build(() -> new TradeExecutedPayload(
                    orderId, userId, symbol, quantity, side, status, price, executionTimestamp, failureReason));
        }
    }
}
