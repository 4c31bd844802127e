package com.mocktrading.simulator.feed;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.events.Topics;
import com.mocktrading.events.kafka.EventKafkaSerializer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends updates to market_data keyed by symbol (one symbol's ticks stay in order), batching a few ms. */
public final class MarketDataPublisher implements Consumer<MarketDataPayload>, AutoCloseable {

    static final String SOURCE = "price-simulator";

    private final KafkaProducer<String, EventEnvelope<MarketDataPayload>> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastAcknowledgedNanos = new AtomicLong(System.nanoTime());

    public MarketDataPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                        ProducerConfig.CLIENT_ID_CONFIG, SOURCE),
                new StringSerializer(),
                EventKafkaSerializer.forTopic(Topics.MARKET_DATA));
    }

    @Override
    public void accept(MarketDataPayload update) {
        EventEnvelope<MarketDataPayload> event = Topics.MARKET_DATA.newEvent(SOURCE, update, null);
        producer.send(new ProducerRecord<>(Topics.MARKET_DATA.name(), update.symbol(), event), (metadata, error) -> {
            if (error == null) {
                sent.incrementAndGet();
                lastAcknowledgedNanos.set(System.nanoTime());
            } else {
                failed.incrementAndGet();
            }
        });
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    /** When Kafka last acknowledged an update ({@link System#nanoTime()}); the start until the first one. */
    public long lastAcknowledgedNanos() {
        return lastAcknowledgedNanos.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
