package com.mocktrading.marketdata.orders;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.redis.RedisChannels;
import com.mocktrading.tracing.TraceContexts;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Publishes each order outcome on its owner's channel {@code orders:{userId}}. Whichever instance consumes the
 * event, Redis delivers it to the instances that hold that user's connections, and to nobody else's. Each push is
 * a span of the order's trace ("push order update"), ended when Redis took it.
 */
public final class OrderUpdateRelay {

    private final Supplier<RedisAsyncCommands<String, String>> redis;
    private final Tracer tracer;

    public OrderUpdateRelay(Supplier<RedisAsyncCommands<String, String>> redis, Tracer tracer) {
        this.redis = redis;
        this.tracer = tracer;
    }

    /** Completes when Redis took every message (pipelined); fails if any was refused. */
    public CompletionStage<Void> relay(List<EventEnvelope<TradeExecutedPayload>> events) {
        RedisAsyncCommands<String, String> commands = redis.get();
        List<CompletableFuture<Long>> publishes = new ArrayList<>(events.size());
        for (EventEnvelope<TradeExecutedPayload> event : events) {
            TradeExecutedPayload outcome = event.payload();
            String channel = RedisChannels.orders(outcome.userId());
            Span span = tracer.spanBuilder("push order update")
                    .setSpanKind(SpanKind.PRODUCER)
                    .setParent(TraceContexts.parentOf(event.traceContext()))
                    .setAttribute("messaging.system", "redis")
                    .setAttribute("messaging.destination.name", channel)
                    .setAttribute("mocktrading.order_id", outcome.orderId())
                    .startSpan();
            publishes.add(commands.publish(channel, OrderUpdateView.of(outcome).toJson())
                    .toCompletableFuture()
                    .whenComplete((receivers, failure) -> {
                        if (failure != null) {
                            span.recordException(failure);
                            span.setStatus(StatusCode.ERROR);
                        } else {
                            span.setAttribute("mocktrading.receivers", receivers);
                        }
                        span.end();
                    }));
        }
        return CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new));
    }
}
