package com.mocktrading.execution.functions;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads trade_executed back on its own thread, read_committed: what the job's outcome transactions really
 * committed, whatever the sink's committer reported. The reader also answers marks: a mark is reached once every
 * partition's read position has passed the log end offset taken when the mark was requested. A read_committed
 * consumer cannot pass a transaction that is still open, so by then every transaction that wrote to the topic
 * before the request has committed or aborted, and an outcome written before it but not read back is not in the
 * topic and never will be.
 */
public final class OutcomeReadBack implements PublishedOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeReadBack.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private record Mark(long id, Map<TopicPartition, Long> logEnd) {}

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Map<Integer, Long> startPositions;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(16);
    private final ConcurrentLinkedQueue<Long> requestedMarks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private KafkaConsumer<byte[], byte[]> committed;

    /** Each subtask's reader of {@code topic} in the Kafka cluster at {@code bootstrapServers}. */
    public static PublishedOutcomes.Source of(String bootstrapServers, String topic) {
        return (clientId, startPositions) -> new OutcomeReadBack(bootstrapServers, topic, clientId, startPositions);
    }

    private OutcomeReadBack(String bootstrapServers, String topic, String clientId, Map<Integer, Long> startPositions) {
        this.topic = topic;
        this.startPositions = Map.copyOf(startPositions);
        this.consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void requestMark(long id) {
        requestedMarks.add(id);
    }

    @Override
    public List<Batch> drain() {
        List<Batch> drained = new ArrayList<>();
        batches.drainTo(drained);
        if (drained.isEmpty() && failure != null) {
            throw failure;
        }
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> consumer = committed;
        if (consumer != null) {
            consumer.wakeup();
        }
        thread.join(CALL_TIMEOUT.toMillis());
    }

    private void run() {
        KafkaConsumer<byte[], byte[]> reader = consumer("read_committed");
        KafkaConsumer<byte[], byte[]> logEnds = consumer("read_uncommitted");
        committed = reader;
        try {
            List<Mark> waiting = new ArrayList<>();
            // Partitions are looked up at the start and with each mark (every checkpoint), not on every poll: a
            // partition added to the topic is read from the next mark on, before that mark can be reached.
            Set<TopicPartition> assigned = assignNewPartitions(reader, Set.of());
            Map<Integer, Long> handedOver = Map.of();
            while (running) {
                List<Published> published = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    parse(record).ifPresent(published::add);
                }
                Long requested;
                while ((requested = requestedMarks.peek()) != null) {
                    assigned = assignNewPartitions(reader, assigned);
                    // assigned, never polled: only asked for log end offsets (unassigned, it warns on each)
                    if (!logEnds.assignment().equals(assigned)) {
                        logEnds.assign(assigned);
                    }
                    waiting.add(new Mark(requested, logEnds.endOffsets(assigned, CALL_TIMEOUT)));
                    requestedMarks.poll();
                }
                Map<TopicPartition, Long> positions = new LinkedHashMap<>();
                for (TopicPartition partition : assigned) {
                    positions.put(partition, reader.position(partition, CALL_TIMEOUT));
                }
                List<Long> reached = new ArrayList<>();
                waiting.removeIf(mark -> {
                    boolean passed = mark.logEnd().entrySet().stream()
                            .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
                    if (passed) {
                        reached.add(mark.id());
                    }
                    return passed;
                });
                Map<Integer, Long> next = positions.entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
                if (!published.isEmpty() || !reached.isEmpty() || !next.equals(handedOver)) {
                    Batch batch = new Batch(published, next, reached);
                    while (running && !batches.offer(batch, POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                        // the operator is busy: wait for it rather than read ahead without bound
                    }
                    handedOver = next;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = new IllegalStateException("reading " + topic + " back was woken up", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("reading " + topic + " back was interrupted", e);
        } catch (RuntimeException e) {
            // Timeouts included: the operator fails, and the job restarts with backoff until Kafka answers.
            failure = new IllegalStateException("reading " + topic + " back failed", e);
        } finally {
            // Nothing to commit or leave: a short close, so a cancelled job stops promptly.
            reader.close(CloseOptions.timeout(Duration.ofSeconds(1)));
            logEnds.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(
                ConsumerConfig.CLIENT_ID_CONFIG, consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + isolation);
        return new KafkaConsumer<>(config);
    }

    /** Every partition of the topic, a new one read from its restored position or its beginning. */
    private Set<TopicPartition> assignNewPartitions(
            KafkaConsumer<byte[], byte[]> reader, Set<TopicPartition> assigned) {
        Set<TopicPartition> all = reader.partitionsFor(topic, CALL_TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toSet());
        if (all.equals(assigned)) {
            return assigned;
        }
        reader.assign(all);
        for (TopicPartition partition : all) {
            if (assigned.contains(partition)) {
                continue;
            }
            Long start = startPositions.get(partition.partition());
            if (start != null) {
                reader.seek(partition, start);
            } else {
                reader.seekToBeginning(List.of(partition));
            }
        }
        return Set.copyOf(all);
    }

    private Optional<Published> parse(ConsumerRecord<byte[], byte[]> record) {
        try {
            EventEnvelope<TradeExecutedPayload> event =
                    Topics.TRADE_EXECUTED.serde().deserialize(record.value());
            return Optional.of(new Published(
                    new String(record.key(), StandardCharsets.UTF_8),
                    event.payload().orderId()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Skipping an unreadable record at {}-{}@{}: it confirms no outcome",
                    topic,
                    record.partition(),
                    record.offset(),
                    e);
            return Optional.empty();
        }
    }
}
