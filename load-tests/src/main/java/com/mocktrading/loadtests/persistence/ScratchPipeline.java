package com.mocktrading.loadtests.persistence;

import static com.mocktrading.loadtests.persistence.BenchStores.JSON;
import static com.mocktrading.loadtests.persistence.RawBaselines.BULK_TIMEOUT;
import static com.mocktrading.loadtests.persistence.RawBaselines.ES_BULK_DOCS;
import static com.mocktrading.loadtests.support.BenchmarkHttp.ok;
import static com.mocktrading.loadtests.support.BenchmarkHttp.post;

import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.flink.FlinkJarJob;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The persistence job's own jar, run once more on the local cluster against a scratch copy of trade_executed (the
 * local run's instance idles meanwhile): the job measured is the real one, and the system's trade_executed never
 * holds a trade without an order (Kafka cannot forget records). Stopping it cancels the job, deletes the topic, and
 * deletes the run's trades from both stores, waiting for ClickHouse's delete to finish, so the consistency check
 * finds nothing of the run.
 */
final class ScratchPipeline {

    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    interface Cleanup {
        Object run() throws Exception;
    }

    private final BenchTrades trades;
    private final BenchStores stores;
    private final String kafka;
    private final String flink;
    private final Path jobJar;
    private final String topic;
    private FlinkJarJob job;

    ScratchPipeline(BenchTrades trades, BenchStores stores, String kafka, String flink, Path jobJar) {
        this.trades = trades;
        this.stores = stores;
        this.kafka = kafka;
        this.flink = flink;
        this.jobJar = jobJar;
        this.topic = Topics.TRADE_EXECUTED.name() + ".bench-" + trades.run();
    }

    /** The scratch copy of trade_executed that the run's trades go to. */
    String topic() {
        return topic;
    }

    void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            int partitions = admin.describeTopics(List.of(Topics.TRADE_EXECUTED.name()))
                    .allTopicNames()
                    .get()
                    .get(Topics.TRADE_EXECUTED.name())
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        }
        job = new FlinkJarJob(
                "persistence-bench-" + trades.run(),
                jobJar,
                flink,
                Files.createTempDirectory("persistence-bench-"),
                List.of(
                        "--kafka",
                        kafka,
                        "--topic",
                        topic,
                        "--group",
                        "persistence-bench-" + trades.run(),
                        "--elasticsearch",
                        stores.elasticsearch(),
                        "--clickhouse",
                        stores.clickHouse(),
                        "--checkpoint-interval-ms",
                        "2000",
                        "--parallelism",
                        "1"));
        job.start();
        System.out.printf("scratch pipeline: topic %s, persistence job %s%n", topic, job.endpoint());
    }

    void stop() {
        if (job != null) {
            cleanUp("the scratch persistence job", () -> {
                job.stop();
                return null;
            });
        }
        cleanUp("topic " + topic, () -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
                return admin.deleteTopics(List.of(topic)).all().get();
            }
        });
        cleanUp("the run's Elasticsearch documents", this::deleteDocuments);
        cleanUp("the run's ClickHouse rows", () -> {
            stores.clickHouseSql(
                    "ALTER TABLE " + TradeHistory.TABLE + " DELETE WHERE user_id LIKE '" + trades.userPrefix() + "%'");
            long deadline = System.nanoTime() + BULK_TIMEOUT.toNanos();
            while (stores.clickHouseCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(POLL_EVERY.toMillis());
            }
            return null;
        });
        System.out.printf("clean-up of the run (users %s*) done%n", trades.userPrefix());
    }

    /** By id, in bulk: every trade's index and id derive from its number (no delete-by-query module needed). */
    private Object deleteDocuments() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < trades.count(); i++) {
            EventEnvelope<TradeExecutedPayload> event = trades.trade(i);
            ndjson.append("{\"delete\":{\"_index\":")
                    .append(JSON.writeValueAsString(
                            TradeHistory.indexOf(event.payload().executionTimestamp())))
                    .append(",\"_id\":")
                    .append(JSON.writeValueAsString(event.eventId()))
                    .append("}}\n");
            if ((i + 1) % ES_BULK_DOCS == 0 || i == trades.count() - 1) {
                ok(
                        stores.http()
                                .send(
                                        HttpRequest.newBuilder(URI.create(stores.elasticsearch() + "/_bulk"))
                                                .header("Content-Type", "application/x-ndjson")
                                                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())),
                                        BULK_TIMEOUT),
                        "Elasticsearch _bulk delete");
                ndjson.setLength(0);
            }
        }
        ok(
                stores.http()
                        .send(
                                post(stores.elasticsearch() + "/" + TradeHistory.INDEX_PATTERN + "/_refresh", ""),
                                BULK_TIMEOUT),
                "Elasticsearch _refresh");
        long left = stores.elasticsearchCount();
        if (left > 0) {
            throw new IllegalStateException(left + " documents of the run are still there");
        }
        return null;
    }

    /** Scratch objects go even after a failed step; a failed clean-up is reported, not thrown over the cause. */
    static void cleanUp(String what, Cleanup cleanup) {
        try {
            cleanup.run();
        } catch (Exception e) {
            System.out.printf("  could not remove %s: %s%n", what, e);
        }
    }
}
