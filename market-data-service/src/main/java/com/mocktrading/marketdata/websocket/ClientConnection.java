package com.mocktrading.marketdata.websocket;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.marketdata.fanout.RedisChannelHub;
import com.mocktrading.marketdata.orders.OrderCatchUp;
import com.mocktrading.marketdata.prices.PriceView;
import com.mocktrading.marketdata.symbols.SymbolDirectory;
import com.mocktrading.redis.RedisChannels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One client's session: the topics it holds, its outbox, and the protocol (subscribe with snapshot, unsubscribe,
 * ping). A frame that breaks a rule is answered with an error frame and changes nothing.
 */
final class ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final String userId;
    private final SymbolDirectory symbols;
    private final PriceCache prices;
    private final RedisChannelHub<Update> hub;
    private final OrderCatchUp orderCatchUp;
    private final ClientFrameParser parser;
    private final int maxTopics;
    private final Duration snapshotTimeout;
    private final Outbox outbox;
    private final Consumer<Update> listener = this::deliver;
    private final Map<String, TopicName> held = new HashMap<>();
    private final FrameMeters meters;
    private boolean closed;

    ClientConnection(
            String userId,
            SymbolDirectory symbols,
            PriceCache prices,
            RedisChannelHub<Update> hub,
            OrderCatchUp orderCatchUp,
            ConnectionLimits limits,
            Consumer<String> frames,
            Runnable tooSlow,
            FrameMeters meters) {
        this.userId = userId;
        this.symbols = symbols;
        this.prices = prices;
        this.hub = hub;
        this.orderCatchUp = orderCatchUp;
        this.parser = new ClientFrameParser(limits.maxFrameBytes(), limits.maxTopics());
        this.maxTopics = limits.maxTopics();
        this.snapshotTimeout = limits.snapshotTimeout();
        this.outbox = new Outbox(
                limits.orderedBacklog(),
                limits.orderedBacklogChars(),
                frame -> {
                    meters.sent(frame);
                    frames.accept(frame);
                },
                tooSlow,
                meters::conflated);
        this.meters = meters;
    }

    String userId() {
        return userId;
    }

    void request(long frames) {
        outbox.request(frames);
    }

    int waitingFrames() {
        return outbox.waitingFrames();
    }

    synchronized int topicCount() {
        return held.size();
    }

    /** Handles one text frame; completes when its replies (and a subscription's snapshot) are queued. */
    Mono<Void> onText(String text) {
        ClientFrame frame;
        try {
            frame = parser.parse(text);
        } catch (FrameRejected rejected) {
            return reject(rejected);
        }
        meters.received(frame);
        if (frame instanceof ClientFrame.Subscribe subscribe) {
            return subscribe(subscribe.topics());
        }
        if (frame instanceof ClientFrame.Unsubscribe unsubscribe) {
            return unsubscribe(unsubscribe.topics());
        }
        outbox.offerInOrder(ServerFrames.pong());
        return Mono.empty();
    }

    Mono<Void> onBinary() {
        return reject(new FrameRejected(FrameRejected.BAD_FRAME, "frames are JSON text"));
    }

    void rejectOversized(int length, int limit) {
        reject(new FrameRejected(FrameRejected.FRAME_TOO_LARGE, "frames are limited to " + limit + " bytes"))
                .subscribe();
    }

    private Mono<Void> subscribe(List<String> requested) {
        List<TopicName> topics = new ArrayList<>(requested.size());
        List<String> unknown = new ArrayList<>();
        for (String topic : requested) {
            TopicName.parse(topic, userId, symbols).ifPresentOrElse(topics::add, () -> unknown.add(topic));
        }
        if (!unknown.isEmpty()) {
            return reject(new FrameRejected(
                    FrameRejected.UNKNOWN_TOPIC, "unknown topics: " + String.join(", ", first(unknown, 10))));
        }
        Map<String, TopicName> added = new LinkedHashMap<>();
        synchronized (this) {
            if (closed) {
                return Mono.empty();
            }
            for (TopicName topic : topics) {
                if (!held.containsKey(topic.topic())) {
                    added.put(topic.topic(), topic);
                }
            }
            if (held.size() + added.size() > maxTopics) {
                return reject(new FrameRejected(
                        FrameRejected.TOO_MANY_TOPICS,
                        "at most " + maxTopics + " topics per connection; this one holds " + held.size()));
            }
            held.putAll(added);
            outbox.activate(added.keySet(), ServerFrames.subscribed(requested));
        }
        List<CompletableFuture<Void>> subscriptions = new ArrayList<>();
        for (TopicName topic : added.values()) {
            subscriptions.add(hub.subscribe(topic.channel(), listener).toCompletableFuture());
        }
        Set<String> symbolsToSnapshot = new LinkedHashSet<>();
        topics.stream().filter(TopicName::prices).forEach(topic -> symbolsToSnapshot.add(topic.symbol()));
        // The snapshot is read once Redis confirmed the subscriptions: no update can fall between the two.
        return Mono.fromFuture(CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new)))
                .onErrorResume(e -> Mono.empty())
                .then(Mono.defer(() -> snapshot(symbolsToSnapshot)));
    }

    private Mono<Void> snapshot(Collection<String> symbolsWanted) {
        if (symbolsWanted.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCompletionStage(() -> prices.latestAsync(symbolsWanted))
                .subscribeOn(Schedulers.boundedElastic()) // reconnecting to Redis blocks
                .timeout(snapshotTimeout)
                .doOnNext(latest -> {
                    for (LatestPrice price : latest.values()) {
                        String topic = RedisChannels.prices(price.symbol());
                        outbox.offerPrice(
                                topic,
                                price.feedTimestamp().toEpochMilli(),
                                ServerFrames.priceUpdate(
                                        topic, PriceView.of(price).toJson()));
                    }
                })
                .onErrorResume(e -> {
                    // Redis is away: the client keeps its subscriptions and gets prices once it is back.
                    LOG.warn("snapshot for user {} unavailable: {}", userId, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> unsubscribe(List<String> requested) {
        List<TopicName> released = new ArrayList<>();
        synchronized (this) {
            for (String topic : requested) {
                TopicName removed = held.remove(topic);
                if (removed != null) {
                    released.add(removed);
                }
            }
            outbox.deactivate(new LinkedHashSet<>(requested), ServerFrames.unsubscribed(requested));
        }
        released.forEach(topic -> hub.unsubscribe(topic.channel(), listener));
        return Mono.empty();
    }

    /**
     * After Redis came back: sends the latest cached prices of every held price topic again, and the user's order
     * outcomes decided since {@code lostAt} if the client follows its orders.
     */
    void refresh(Instant lostAt) {
        List<String> symbolsHeld;
        boolean followsOrders;
        synchronized (this) {
            symbolsHeld = held.values().stream()
                    .filter(TopicName::prices)
                    .map(TopicName::symbol)
                    .toList();
            followsOrders = held.containsKey(TopicName.ORDERS);
        }
        snapshot(symbolsHeld).subscribe();
        if (followsOrders) {
            Mono.fromCallable(() -> orderCatchUp.decidedSince(userId, lostAt))
                    .subscribeOn(Schedulers.boundedElastic()) // a DynamoDB query
                    .subscribe(
                            missed -> missed.forEach(
                                    update -> outbox.offerInOrder(TopicName.ORDERS, ServerFrames.orderUpdate(update))),
                            failure -> LOG.warn("order updates of {} not caught up: {}", userId, failure.toString()));
        }
    }

    void close() {
        List<TopicName> released;
        synchronized (this) {
            closed = true;
            released = List.copyOf(held.values());
            held.clear();
        }
        released.forEach(topic -> hub.unsubscribe(topic.channel(), listener));
        outbox.close();
    }

    private void deliver(Update update) {
        if (update.price()) {
            outbox.offerPrice(update.topic(), update.feedMillis(), update.frame());
        } else {
            outbox.offerInOrder(update.topic(), update.frame());
        }
    }

    private Mono<Void> reject(FrameRejected rejected) {
        meters.rejected(rejected.code());
        outbox.offerInOrder(ServerFrames.error(rejected.code(), rejected.getMessage()));
        return Mono.empty();
    }

    private static List<String> first(List<String> items, int count) {
        return items.size() <= count ? items : items.subList(0, count);
    }
}
