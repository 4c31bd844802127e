package com.mocktrading.marketdata.orders;

import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.redis.RedisChannels;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Publishes each order outcome on its owner's channel {@code orders:{userId}}. Whichever instance consumes the
 * event, Redis delivers it to the instances that hold that user's connections, and to nobody else's.
 */
public final class OrderUpdateRelay {

    private final Supplier<RedisAsyncCommands<String, String>> redis;

    public OrderUpdateRelay(Supplier<RedisAsyncCommands<String, String>> redis) {
        this.redis = redis;
    }

    /** Completes when Redis took every message (pipelined); fails if any was refused. */
    public CompletionStage<Void> relay(List<TradeExecutedPayload> outcomes) {
        RedisAsyncCommands<String, String> commands = redis.get();
        List<CompletableFuture<Long>> publishes = new ArrayList<>(outcomes.size());
        for (TradeExecutedPayload outcome : outcomes) {
            publishes.add(commands.publish(
                            RedisChannels.orders(outcome.userId()),
                            OrderUpdateView.of(outcome).toJson())
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new));
    }
}
