package com.mocktrading.marketdata.fanout;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis Pub/Sub connection per instance, shared by all its clients: a channel is subscribed in Redis while at
 * least one local listener wants it, and each message is decoded once and handed to every local listener.
 *
 * <p>Redis may be down at start or go away later. A watchdog connects when it can; after any reconnect it
 * subscribes every wanted channel again (SUBSCRIBE is idempotent) and tells the owner when the connection was
 * lost, so it can re-send what clients may have missed meanwhile (latest prices, order outcomes). A short blip that
 * the client library reconnects by itself between two watchdog rounds counts too: the connection's own
 * disconnect event marks it.
 *
 * @param <T> what a message is decoded into, once per message
 */
public final class RedisChannelHub<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisChannelHub.class);

    private final RedisClient client;
    private final BiFunction<String, String, T> decoder;
    private final Consumer<Instant> onReconnected;
    private final ConcurrentHashMap<String, Channel<T>> channels = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private volatile StatefulRedisPubSubConnection<String, String> connection;
    private volatile boolean wasOpen;
    /** When the connection was last seen lost; null while it has been up since the last reconnect handled. */
    private volatile Instant lostAt;

    private record Channel<T>(Set<Consumer<T>> listeners, CompletableFuture<Void> subscribed) {}

    /**
     * @param decoder turns (channel, message) into what listeners get; a failure drops that message only
     * @param onReconnected called with the time the connection was lost, after it came back and channels were
     *     subscribed again
     */
    public RedisChannelHub(
            RedisClient client,
            BiFunction<String, String, T> decoder,
            Duration watchdogInterval,
            Consumer<Instant> onReconnected) {
        this.client = client;
        this.decoder = decoder;
        this.onReconnected = onReconnected;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-channel-hub");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::watch, 0, watchdogInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a listener; completes when Redis confirmed the channel's subscription (at once if it already was), so
     * a snapshot read after that cannot miss an update published in between.
     */
    public CompletionStage<Void> subscribe(String channel, Consumer<T> listener) {
        return channels.compute(channel, (name, existing) -> {
                    if (existing != null && !existing.subscribed().isCompletedExceptionally()) {
                        existing.listeners().add(listener);
                        return existing;
                    }
                    Set<Consumer<T>> listeners =
                            existing != null ? existing.listeners() : ConcurrentHashMap.newKeySet();
                    listeners.add(listener);
                    return new Channel<>(listeners, subscribeInRedis(name));
                })
                .subscribed();
    }

    public void unsubscribe(String channel, Consumer<T> listener) {
        channels.computeIfPresent(channel, (name, existing) -> {
            existing.listeners().remove(listener);
            if (!existing.listeners().isEmpty()) {
                return existing;
            }
            StatefulRedisPubSubConnection<String, String> current = connection;
            if (current != null && current.isOpen()) {
                current.async().unsubscribe(name);
            }
            return null;
        });
    }

    /** True while the shared subscription connection is up. */
    public boolean isConnected() {
        StatefulRedisPubSubConnection<String, String> current = connection;
        return current != null && current.isOpen();
    }

    public int channelCount() {
        return channels.size();
    }

    private CompletableFuture<Void> subscribeInRedis(String channel) {
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current == null || !current.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis Pub/Sub is not connected"));
        }
        return current.async().subscribe(channel).toCompletableFuture();
    }

    private void dispatch(String channel, String message) {
        Channel<T> wanted = channels.get(channel);
        if (wanted == null) {
            return;
        }
        T decoded;
        try {
            decoded = decoder.apply(channel, message);
        } catch (RuntimeException e) {
            LOG.warn("dropped an undecodable message on {}: {}", channel, e.toString());
            return;
        }
        for (Consumer<T> listener : wanted.listeners()) {
            listener.accept(decoded);
        }
    }

    private void watch() {
        try {
            if (connection == null) {
                StatefulRedisPubSubConnection<String, String> opened = client.connectPubSub();
                opened.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        dispatch(channel, message);
                    }
                });
                opened.addListener(new RedisConnectionStateListener() {
                    @Override
                    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                        markLost();
                    }
                });
                connection = opened;
            }
            boolean open = connection.isOpen();
            boolean failedSubscriptions =
                    channels.values().stream().anyMatch(c -> c.subscribed().isCompletedExceptionally());
            if (!open) {
                markLost();
            }
            Instant lost = lostAt;
            if (open && (!wasOpen || lost != null || failedSubscriptions)) {
                resubscribeAll();
                if (!wasOpen || lost != null) {
                    lostAt = null;
                    LOG.info("Redis Pub/Sub connected; {} channels subscribed", channels.size());
                    onReconnected.accept(lost == null ? Instant.now() : lost);
                }
            } else if (!open && wasOpen) {
                LOG.warn("Redis Pub/Sub connection lost; reconnecting");
            }
            wasOpen = open;
        } catch (RuntimeException e) {
            if (wasOpen || connection == null) {
                LOG.debug("Redis Pub/Sub not available yet: {}", e.toString());
            }
        }
    }

    private void markLost() {
        if (lostAt == null) {
            lostAt = Instant.now();
        }
    }

    private void resubscribeAll() {
        for (String channel : channels.keySet()) {
            channels.computeIfPresent(
                    channel, (name, existing) -> new Channel<>(existing.listeners(), subscribeInRedis(name)));
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
