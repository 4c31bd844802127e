package com.mocktrading.loadtests.persistence;

import static com.mocktrading.loadtests.support.Elapsed.secondsSince;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The job's throughput into each store: the run's trades produced into the scratch topic on a thread of their own,
 * while this one watches both stores fill up, from the first send until a store holds every trade.
 */
final class SinkThroughput {

    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    record Produced(long acked, long failed, double seconds) {

        double rate() {
            return acked / seconds;
        }
    }

    record Result(Produced produced, StoreProgress elasticsearch, StoreProgress clickHouse) {}

    private final BenchTrades trades;
    private final BenchStores stores;
    private final String topic;
    private final String kafka;
    private final String compression;

    SinkThroughput(BenchTrades trades, BenchStores stores, String topic, String kafka, String compression) {
        this.trades = trades;
        this.stores = stores;
        this.topic = topic;
        this.kafka = kafka;
        this.compression = compression;
    }

    Result measure(Duration timeout) throws Exception {
        StoreProgress es = new StoreProgress("Elasticsearch", stores::elasticsearchCount);
        StoreProgress ch = new StoreProgress("ClickHouse", stores::clickHouseCount);
        AtomicLong sent = new AtomicLong();
        ExecutorService producerThread = Executors.newSingleThreadExecutor();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig())) {
            // The clock starts at the first send, not at the producer's construction.
            long start = System.nanoTime();
            Future<Produced> producing = producerThread.submit(() -> produce(producer, start, sent));
            return awaitStores(producing, start, sent, es, ch, timeout);
        } finally {
            producerThread.shutdown();
        }
    }

    private Result awaitStores(
            Future<Produced> producing,
            long start,
            AtomicLong sent,
            StoreProgress es,
            StoreProgress ch,
            Duration timeout)
            throws Exception {
        Produced produced = null;
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        long deadline = start + timeout.toNanos();
        while (!(es.complete() && ch.complete()) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_EVERY.toMillis());
            if (produced == null && producing.isDone()) {
                produced = printed(producing.get()); // rethrows if the producer failed
            }
            // Until the producer is done every trade is expected; afterwards only those Kafka acknowledged.
            long expected = produced == null ? trades.count() : produced.acked();
            es.poll(expected, start);
            ch.poll(expected, start);
            if (System.nanoTime() >= nextProgress) {
                nextProgress += PROGRESS_EVERY.toNanos();
                System.out.printf(
                        "%5.0f s: sent %d, %s, %s%n", secondsSince(start), sent.get(), es.progress(), ch.progress());
            }
        }
        if (produced == null) {
            // Stores done or time up while sends are still pending: those fail within the delivery timeout (120 s).
            produced = printed(producing.get(3, TimeUnit.MINUTES));
        }
        for (StoreProgress store : List.of(es, ch)) {
            System.out.println(
                    store.complete()
                            ? String.format(
                                    "job -> %s: all %d trades after %.1f s = %.0f events/s",
                                    store.name(), store.reached(), store.completeAfter(), store.rate())
                            : String.format(
                                    "job -> %s: TIMED OUT after %d s with %d of %d trades (%.0f events/s so far)%s",
                                    store.name(),
                                    timeout.toSeconds(),
                                    store.reached(),
                                    produced.acked(),
                                    store.rate(),
                                    store.lastError() == null ? "" : "; last poll error: " + store.lastError()));
        }
        return new Result(produced, es, ch);
    }

    private static Produced printed(Produced produced) {
        System.out.printf(
                "producer: %d events acknowledged in %.1f s = %.0f events/s (%d failed sends)%n",
                produced.acked(), produced.seconds(), produced.rate(), produced.failed());
        return produced;
    }

    /** Batches generously (the figure of interest is the job's, not the producer's), yet acks=all as in production. */
    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                compression,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
    }

    /** Sends every trade of the run as fast as the producer takes them, then waits for all acknowledgements. */
    private Produced produce(KafkaProducer<String, byte[]> producer, long start, AtomicLong sent) {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        for (int i = 0; i < trades.count(); i++) {
            EventEnvelope<TradeExecutedPayload> event = trades.trade(i);
            producer.send(
                    new ProducerRecord<>(
                            topic,
                            Topics.TRADE_EXECUTED.keyOf(event), // userId, as the execution job keys it
                            Topics.TRADE_EXECUTED.serde().serialize(event)),
                    (metadata, error) -> {
                        if (error == null) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, error);
                        }
                    });
            sent.incrementAndGet();
        }
        producer.flush();
        if (firstFailure.get() != null) {
            System.out.println("producer: first failed send: " + firstFailure.get());
        }
        return new Produced(acked.get(), failed.get(), secondsSince(start));
    }

    /** How far one store got, and when it first held every expected trade (seconds from the first send). */
    static final class StoreProgress {

        interface Count {
            long get() throws Exception;
        }

        private final String name;
        private final Count count;
        private long reached;
        private double elapsed;
        private double completeAfter = Double.NaN;
        private String lastError;

        StoreProgress(String name, Count count) {
            this.name = name;
            this.count = count;
        }

        void poll(long expected, long start) {
            if (complete()) {
                return;
            }
            try {
                reached = count.get();
                lastError = null;
            } catch (Exception e) {
                lastError = e.toString(); // a store busy with the load may miss a poll; the next one counts
            }
            elapsed = secondsSince(start);
            if (reached >= expected) {
                completeAfter = elapsed;
            }
        }

        boolean complete() {
            return !Double.isNaN(completeAfter);
        }

        String name() {
            return name;
        }

        long reached() {
            return reached;
        }

        double completeAfter() {
            return completeAfter;
        }

        String lastError() {
            return lastError;
        }

        /** Events/s into the store: all of them over the time to completion, or what it reached so far. */
        double rate() {
            return complete() ? reached / completeAfter : reached / elapsed;
        }

        String progress() {
            return String.format(
                    "%s %d (%.0f/s)%s",
                    name, reached, elapsed > 0 ? reached / elapsed : 0.0, complete() ? " done" : "");
        }
    }
}
