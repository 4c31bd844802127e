package com.mocktrading.execution.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A trade_executed read-back whose findings the test hands over: what it found in the topic, and marks reached. */
final class ScriptedOutcomes implements PublishedOutcomes {

    final List<Long> requestedMarks = new CopyOnWriteArrayList<>();
    private final Queue<Batch> batches = new ConcurrentLinkedQueue<>();
    Map<Integer, Long> startPositions;
    boolean closed;

    /** A source for the operator that opens this reader (the harness runs the operator unserialized). */
    PublishedOutcomes.Source source() {
        return (clientId, positions) -> {
            startPositions = positions;
            return this;
        };
    }

    /** The topic was found to hold these outcomes (user, order pairs), read up to {@code offset} of partition 0. */
    void found(long offset, String... userAndOrderIds) {
        List<Published> published = new ArrayList<>();
        for (int i = 0; i < userAndOrderIds.length; i += 2) {
            published.add(new Published(userAndOrderIds[i], userAndOrderIds[i + 1]));
        }
        batches.add(new Batch(published, Map.of(0, offset), List.of()));
    }

    /** Everything written before these marks were requested has been read. */
    void reached(Long... marks) {
        batches.add(new Batch(List.of(), Map.of(), Arrays.asList(marks)));
    }

    @Override
    public String topic() {
        return "trade_executed";
    }

    @Override
    public void start() {}

    @Override
    public void requestMark(long id) {
        requestedMarks.add(id);
    }

    @Override
    public List<Batch> drain() {
        List<Batch> drained = new ArrayList<>();
        Batch batch;
        while ((batch = batches.poll()) != null) {
            drained.add(batch);
        }
        return drained;
    }

    @Override
    public void close() {
        closed = true;
    }
}
