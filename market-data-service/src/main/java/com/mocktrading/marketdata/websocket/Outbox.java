package com.mocktrading.marketdata.websocket;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The frames waiting to be written to one WebSocket client, emitted only as fast as the socket takes them.
 * Price updates are conflated: per topic only the newest waits, so a slow client costs at most one frame per
 * topic it holds and always catches up to the latest prices. Replies and order updates are never conflated;
 * they queue in order up to a bound in count and in characters (an echoed 64 KB frame must not pin its size a
 * thousand times over), beyond which the client is too slow to serve and is disconnected.
 *
 * <p>Which topics are active is decided here too, under the same lock as the queues: an update for a topic
 * the client just left can never slip out after the client was told it left, and one for a topic just joined
 * can never precede the acknowledgement of the join.
 */
final class Outbox {

    private final int orderedCapacity;
    private final long orderedCharCapacity;
    private final Consumer<String> emitter;
    private final Runnable onOverflow;
    private final Runnable onConflation;
    private final Set<String> activeTopics = new HashSet<>();
    private final ArrayDeque<String> ordered = new ArrayDeque<>();
    private final LinkedHashMap<String, String> latestByTopic = new LinkedHashMap<>();
    private final Map<String, Long> newestFeedMillis = new HashMap<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private long orderedChars;
    private long demand;
    private boolean closed;

    /**
     * @param emitter writes one frame; called by one thread at a time, never while holding the lock
     * @param onOverflow called once if the ordered queue overflows
     * @param onConflation called for each price that replaced one still waiting (a frame the client never gets)
     */
    Outbox(
            int orderedCapacity,
            long orderedCharCapacity,
            Consumer<String> emitter,
            Runnable onOverflow,
            Runnable onConflation) {
        this.orderedCapacity = orderedCapacity;
        this.orderedCharCapacity = orderedCharCapacity;
        this.emitter = emitter;
        this.onOverflow = onOverflow;
        this.onConflation = onConflation;
    }

    /** The client can take {@code n} more frames. */
    void request(long n) {
        synchronized (this) {
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        drain();
    }

    /** Activates the topics and queues the acknowledgement in one step. */
    void activate(Set<String> topics, String acknowledgement) {
        synchronized (this) {
            activeTopics.addAll(topics);
            enqueue(acknowledgement);
        }
        drain();
    }

    /** Deactivates the topics, drops their waiting updates, and queues the acknowledgement in one step. */
    void deactivate(Set<String> topics, String acknowledgement) {
        synchronized (this) {
            for (String topic : topics) {
                activeTopics.remove(topic);
                latestByTopic.remove(topic);
                newestFeedMillis.remove(topic);
            }
            enqueue(acknowledgement);
        }
        drain();
    }

    /** A reply, error or order update: delivered in order, never dropped (or the client is disconnected). */
    void offerInOrder(String frame) {
        synchronized (this) {
            enqueue(frame);
        }
        drain();
    }

    /** An order update for an active topic; ignored when the client has not subscribed to it. */
    void offerInOrder(String topic, String frame) {
        synchronized (this) {
            if (!activeTopics.contains(topic)) {
                return;
            }
            enqueue(frame);
        }
        drain();
    }

    /**
     * A price for an active topic. Replaces the one waiting for that topic, and is ignored when it is not
     * newer than a price already queued or sent (a snapshot read racing a live update must not go back in
     * time).
     */
    void offerPrice(String topic, long feedMillis, String frame) {
        boolean replaced;
        synchronized (this) {
            if (closed || !activeTopics.contains(topic)) {
                return;
            }
            Long newest = newestFeedMillis.get(topic);
            if (newest != null && newest >= feedMillis) {
                return;
            }
            newestFeedMillis.put(topic, feedMillis);
            replaced = latestByTopic.put(topic, frame) != null;
        }
        if (replaced) {
            onConflation.run();
        }
        drain();
    }

    synchronized int waitingFrames() {
        return ordered.size() + latestByTopic.size();
    }

    synchronized void close() {
        closed = true;
        ordered.clear();
        orderedChars = 0;
        latestByTopic.clear();
        activeTopics.clear();
    }

    private void enqueue(String frame) {
        if (closed) {
            return;
        }
        if (ordered.size() >= orderedCapacity || orderedChars + frame.length() > orderedCharCapacity) {
            closed = true;
            ordered.clear();
            orderedChars = 0;
            latestByTopic.clear();
            onOverflow.run();
            return;
        }
        ordered.add(frame);
        orderedChars += frame.length();
    }

    /** Emits while there is demand and something to send; one thread at a time, the others hand over. */
    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            String next;
            while ((next = take()) != null) {
                emitter.accept(next);
            }
            missed = drainers.addAndGet(-missed);
        } while (missed != 0);
    }

    private synchronized String take() {
        if (demand == 0 || closed) {
            return null;
        }
        String next = ordered.poll();
        if (next != null) {
            orderedChars -= next.length();
        } else {
            Iterator<Map.Entry<String, String>> oldest =
                    latestByTopic.entrySet().iterator();
            if (!oldest.hasNext()) {
                return null;
            }
            next = oldest.next().getValue();
            oldest.remove();
        }
        if (demand != Long.MAX_VALUE) {
            demand--;
        }
        return next;
    }
}
