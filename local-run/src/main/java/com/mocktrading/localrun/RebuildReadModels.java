package com.mocktrading.localrun;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.events.Topics;
import com.mocktrading.localstack.ShutdownHooks;
import com.mocktrading.localstack.flink.FlinkJarJob;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code bin/rebuild-read-models}: re-indexes Elasticsearch and ClickHouse from trade_executed, from its beginning,
 * with the persistence job itself (its jar, a consumer group of its own, no state), printing its progress per
 * store against the topic's committed end as it was at the start; once both stores caught up it cancels the job
 * and removes its consumer groups. The job's writes are idempotent (a trade's id is its event id), so a rebuild
 * over existing documents and rows changes nothing that was right.
 *
 * <pre>--flink=http://127.0.0.1:8081 --kafka=127.0.0.1:9092 --elasticsearch=http://127.0.0.1:9200
 * --clickhouse=http://127.0.0.1:8123 --jar=flink-persistence-job/target/...-job.jar --timeout-minutes=30</pre>
 */
public final class RebuildReadModels {

    private static final String[] STORES = {"elasticsearch", "clickhouse"};

    private static final CommandLine COMMAND = CommandLine.command(
                    "bin/rebuild-read-models [options]",
                    "Replays trade_executed from its start into Elasticsearch and ClickHouse.")
            .option("flink", "URL", "the Flink cluster's REST endpoint", "http://127.0.0.1:8081")
            .stores(StoreOption.KAFKA)
            .stores(StoreOption.ELASTICSEARCH)
            .stores(StoreOption.CLICKHOUSE)
            .option("jar", "PATH", "the persistence job's jar (default: this checkout's)")
            .option("timeout-minutes", "M", "longest the replay may take", "30");

    private RebuildReadModels() {}

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        Path jar = Path.of(options.get(
                "jar",
                "flink-persistence-job/target/flink-persistence-job-" + LocalSystem.projectVersion() + "-job.jar"));
        boolean done = run(
                new Endpoints(
                        options.get("flink"),
                        options.get(StoreOption.KAFKA),
                        options.get(StoreOption.ELASTICSEARCH),
                        options.get(StoreOption.CLICKHOUSE)),
                jar,
                Duration.ofMinutes(Long.parseLong(options.get("timeout-minutes"))),
                System.out);
        System.exit(done ? 0 : 1);
    }

    /** Where the servers are. */
    public record Endpoints(String flink, String kafka, String elasticsearch, String clickHouse) {}

    /** @return true once both stores took every event the topic held at the start, false on timeout */
    public static boolean run(Endpoints endpoints, Path jar, Duration timeout, PrintStream out) throws Exception {
        String group = "rebuild-read-models-" + System.currentTimeMillis();
        Path checkpoints = Files.createTempDirectory("rebuild-read-models");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.kafka(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            Map<TopicPartition, Long> end = committedEnd(endpoints.kafka());
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            out.printf(
                    "rebuilding Elasticsearch and ClickHouse from %s: %,d offsets in %d partitions%n",
                    Topics.TRADE_EXECUTED.name(), total, end.size());
            FlinkJarJob job = new FlinkJarJob(
                    group,
                    jar,
                    endpoints.flink(),
                    checkpoints,
                    List.of(
                            "--kafka",
                            endpoints.kafka(),
                            "--group",
                            group,
                            "--elasticsearch",
                            endpoints.elasticsearch(),
                            "--clickhouse",
                            endpoints.clickHouse(),
                            "--checkpoint-interval-ms",
                            "1000",
                            "--parallelism",
                            "1"));
            long began = System.nanoTime();
            job.start();
            try {
                return follow(admin, group, end, total, began, timeout, out);
            } finally {
                job.stop();
                admin.deleteConsumerGroups(Stream.of(STORES)
                                .map(store -> group + "-" + store)
                                .toList())
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        } finally {
            ShutdownHooks.deleteRecursively(checkpoints);
        }
    }

    /** Prints each store's progress every two seconds until both reached {@code end}. */
    private static boolean follow(
            Admin admin,
            String group,
            Map<TopicPartition, Long> end,
            long total,
            long began,
            Duration timeout,
            PrintStream out)
            throws Exception {
        long deadline = began + timeout.toNanos();
        while (true) {
            long slowest = Long.MAX_VALUE;
            StringBuilder line = new StringBuilder();
            for (String store : STORES) {
                long done = committed(admin, group + "-" + store, end);
                slowest = Math.min(slowest, done);
                line.append(String.format("  %s %,d / %,d (%.0f%%)", store, done, total, percent(done, total)));
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            out.printf("%5.0f s%s, %,.0f offsets/s%n", seconds, line, slowest / Math.max(seconds, 0.001));
            if (slowest >= total) {
                out.printf(
                        "rebuilt: both stores read all %,d offsets (every event the topic held at the start) in %.1f s%n",
                        total, seconds);
                return true;
            }
            if (System.nanoTime() > deadline) {
                out.println("gave up after " + timeout.toMinutes() + " minutes; the stores are behind (above)");
                return false;
            }
            Thread.sleep(2_000);
        }
    }

    /** How far the group got, counting each partition up to its end at the start. */
    private static long committed(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        return end.entrySet().stream()
                .mapToLong(partition -> {
                    OffsetAndMetadata at = offsets.get(partition.getKey());
                    return at == null ? 0 : Math.min(at.offset(), partition.getValue());
                })
                .sum();
    }

    /**
     * Per partition, the offset after its last committed record as it is now: what a consumer group that read
     * everything commits (a transaction's closing marker after that record is never a consumer's position).
     */
    private static Map<TopicPartition, Long> committedEnd(String kafka) {
        String topic = Topics.TRADE_EXECUTED.name();
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> logEnd = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> logStart = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition partition : partitions) {
                ends.put(partition, lastRecordEnd(consumer, partition, logStart.get(partition), logEnd.get(partition)));
            }
        }
        return ends;
    }

    /** Reads the partition's tail, widening it until it holds a committed record (or is the whole partition). */
    private static long lastRecordEnd(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long start, long end) {
        for (long window = 64; ; window *= 4) {
            long from = Math.max(start, end - window);
            consumer.seek(partition, from);
            long last = -1;
            while (consumer.position(partition, Duration.ofSeconds(30)) < end) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500)).records(partition)) {
                    last = record.offset();
                }
            }
            if (last >= 0) {
                return last + 1;
            }
            if (from == start) {
                return start;
            }
        }
    }

    private static double percent(long done, long total) {
        return total == 0 ? 100 : 100.0 * done / total;
    }
}
