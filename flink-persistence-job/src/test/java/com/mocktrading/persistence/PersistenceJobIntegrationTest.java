package com.mocktrading.persistence;

import static com.mocktrading.persistence.support.PersistenceTestSupport.awaitUntil;
import static com.mocktrading.persistence.support.PersistenceTestSupport.clickHouseTotals;
import static com.mocktrading.persistence.support.PersistenceTestSupport.documentsOf;
import static com.mocktrading.persistence.support.PersistenceTestSupport.produce;
import static com.mocktrading.persistence.support.PersistenceTestSupport.produceRaw;
import static com.mocktrading.persistence.support.PersistenceTestSupport.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.flink.SharedFlinkCluster;
import com.mocktrading.persistence.support.PersistenceTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

/** trade_executed in -> Elasticsearch history and ClickHouse rows out, once per event whatever is replayed. */
class PersistenceJobIntegrationTest {

    // Generous: the CI machine has been seen far slower than a workstation; a pass returns as soon as the check holds.
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Instant END_OF_NOVEMBER = Instant.parse("2026-11-30T23:59:50.000Z");
    private static final String ES = SharedServers.elasticsearch().httpUrl();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void storesEveryTradeInBothStoresInTheIndexOfItsMonth() throws Exception {
        String run = PersistenceTestSupport.newRun();
        String user = "user-" + run;
        PersistenceJobConfig config = PersistenceTestSupport.config(run, ES, Map.of());
        List<EventEnvelope<TradeExecutedPayload>> trades = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // 10 s either side of midnight UTC: half in November's index, half in December's.
            trades.add(trade(user, "ACME", i + 1, i % 5 == 4 ? null : "10.0125", END_OF_NOVEMBER.plusSeconds(i)));
        }
        produceRaw(config.topic(), "not an event".getBytes(StandardCharsets.UTF_8));
        produce(config.topic(), trades);
        JobClient job = PersistenceTestSupport.start(config, "persistence-" + run);
        try {
            awaitUntil(WAIT, "20 documents", () -> documentsOf(ES, user).size() == 20, job);
            awaitUntil(WAIT, "20 rows", () -> clickHouseTotals(user).get(1).equals("20"), job);

            Map<String, String> documents = documentsOf(ES, user);
            assertThat(documents.values().stream().filter("trading_trades-2026-11"::equals))
                    .hasSize(10);
            assertThat(documents.values().stream().filter("trading_trades-2026-12"::equals))
                    .hasSize(10);
            assertThat(documents.keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            trades.stream().map(EventEnvelope::eventId).toList());
            long executedQuantity = trades.stream()
                    .filter(t -> t.payload().status().isExecuted())
                    .mapToLong(t -> t.payload().quantity())
                    .sum();
            List<String> totals = clickHouseTotals(user);
            assertThat(totals.get(0)).isEqualTo("20");
            assertThat(totals.get(2)).isEqualTo(Long.toString(executedQuantity));
            assertThat(new java.math.BigDecimal(totals.get(3)))
                    .isEqualByComparingTo(new java.math.BigDecimal("10.0125")
                            .multiply(java.math.BigDecimal.valueOf(executedQuantity)));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void whatAStoreCanNeverTakeIsDeadLetteredAndEveryoneElsesHistoryKeepsFlowing() throws Exception {
        String run = PersistenceTestSupport.newRun();
        String user = "user-" + run;
        PersistenceJobConfig config = PersistenceTestSupport.config(run, ES, Map.of());
        // An index whose mapping conflicts with the trade documents (symbol as a number): every document of that
        // month is refused for good with a 400, as a mapping change gone wrong would refuse it.
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(ES + "/trading_trades-2031-01"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"mappings\":{\"properties\":{\"symbol\":{\"type\":\"long\"}}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 400); // 400: left by an earlier run
        List<EventEnvelope<TradeExecutedPayload>> trades = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trades.add(trade(user, "ACME", i + 1, "10.00", END_OF_NOVEMBER.plusSeconds(i)));
        }
        EventEnvelope<TradeExecutedPayload> refused =
                trade(user, "ACME", 7, "10.00", Instant.parse("2031-01-15T12:00:00Z"));
        produce(config.topic(), List.of(trades.get(0), refused));
        produceRaw(config.topic(), "not an event".getBytes(StandardCharsets.UTF_8));
        produce(config.topic(), trades.subList(1, 3));

        JobClient job = PersistenceTestSupport.start(config, "persistence-dead-letters-" + run);
        try {
            awaitUntil(WAIT, "3 documents", () -> documentsOf(ES, user).size() == 3, job);
            awaitUntil(WAIT, "4 rows", () -> clickHouseTotals(user).get(1).equals("4"), job);
            awaitUntil(
                    WAIT,
                    "3 dead letters",
                    () -> PersistenceTestSupport.deadLetters(config).size() == 3,
                    job);

            assertThat(documentsOf(ES, user).keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            trades.stream().map(EventEnvelope::eventId).toList());
            assertThat(PersistenceTestSupport.deadLetters(config))
                    .anySatisfy(letter -> {
                        assertThat(letter.getKey()).isEqualTo("elasticsearch");
                        assertThat(letter.getValue())
                                .contains("trading_trades-2031-01")
                                .contains("400");
                    })
                    .anySatisfy(letter -> {
                        assertThat(letter.getKey()).isEqualTo("elasticsearch");
                        assertThat(letter.getValue()).contains("not a valid trade_executed event");
                    })
                    .anySatisfy(letter -> {
                        assertThat(letter.getKey()).isEqualTo("clickhouse");
                        assertThat(letter.getValue()).contains("not a valid trade_executed event");
                    });
            assertThat(job.getJobStatus().get()).isEqualTo(org.apache.flink.api.common.JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aRowClickHouseCannotHoldIsDeadLetteredAndTheRestOfItsBatchIsStored() throws Exception {
        String run = PersistenceTestSupport.newRun();
        String user = "user-" + run;
        PersistenceJobConfig config = PersistenceTestSupport.config(run, ES, Map.of());
        List<EventEnvelope<TradeExecutedPayload>> trades = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            trades.add(trade(user, "ACME", i + 1, "10.00", END_OF_NOVEMBER.plusSeconds(i)));
        }
        // A valid event whose price has more integer digits than the column's Decimal(18, 4) holds: ClickHouse
        // refuses the whole block it is in.
        EventEnvelope<TradeExecutedPayload> tooBig =
                trade(user, "ACME", 1, "123456789012345678.1234", END_OF_NOVEMBER.plusSeconds(9));
        trades.add(4, tooBig);
        produce(config.topic(), trades);

        JobClient job = PersistenceTestSupport.start(config, "persistence-clickhouse-refusal-" + run);
        try {
            awaitUntil(WAIT, "9 rows", () -> clickHouseTotals(user).get(1).equals("9"), job);
            awaitUntil(
                    WAIT,
                    "a ClickHouse dead letter",
                    () -> PersistenceTestSupport.deadLetters(config).stream()
                            .anyMatch(letter -> letter.getKey().equals("clickhouse")),
                    job);

            assertThat(PersistenceTestSupport.deadLetters(config))
                    .filteredOn(letter -> letter.getKey().equals("clickhouse"))
                    .singleElement()
                    .satisfies(letter -> assertThat(letter.getValue()).contains("clickhouse refused it: code"));
            assertThat(job.getJobStatus().get()).isEqualTo(org.apache.flink.api.common.JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void replaysAndARestartFromACheckpointStoreNothingTwice() throws Exception {
        String run = PersistenceTestSupport.newRun();
        String user = "user-" + run;
        PersistenceJobConfig config = PersistenceTestSupport.config(run, ES, Map.of());
        List<EventEnvelope<TradeExecutedPayload>> first = trades(user, 30, 0);
        produce(config.topic(), first);
        JobClient job = PersistenceTestSupport.start(config, "persistence-" + run);
        try {
            awaitUntil(WAIT, "30 documents", () -> documentsOf(ES, user).size() == 30, job);
            awaitUntil(WAIT, "30 rows", () -> clickHouseTotals(user).get(1).equals("30"), job);
            awaitUntil(
                    WAIT, "a completed checkpoint", () -> latestCheckpoint(job).isPresent(), job);
            // The same events again (a producer retry, a replayed partition), then a restart from the checkpoint.
            produce(config.topic(), first);
        } finally {
            job.cancel().get();
        }
        Path checkpoint = latestCheckpoint(job).orElseThrow();
        List<EventEnvelope<TradeExecutedPayload>> second = trades(user, 10, 30);
        produce(config.topic(), second);
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
        JobClient restarted = PersistenceTestSupport.start(config, "persistence-" + run + "-restarted", restore);
        try {
            awaitUntil(WAIT, "40 documents", () -> documentsOf(ES, user).size() == 40, restarted);
            awaitUntil(
                    WAIT,
                    "40 distinct rows",
                    () -> clickHouseTotals(user).get(1).equals("40"),
                    restarted);

            // A new consumer group replays the whole topic into both stores once more.
            PersistenceJobConfig replay = PersistenceTestSupport.configOf(Map.of(
                    "kafka",
                    PersistenceTestSupport.KAFKA,
                    "topic",
                    config.topic(),
                    "group",
                    config.consumerGroupPrefix() + "-replay",
                    "elasticsearch",
                    ES,
                    "clickhouse",
                    SharedServers.clickHouse().httpUrl(),
                    "checkpoint-interval-ms",
                    "500"));
            JobClient replaying = PersistenceTestSupport.start(replay, "persistence-" + run + "-replay");
            try {
                awaitUntil(
                        WAIT,
                        "the replay to reach ClickHouse",
                        () -> Long.parseLong(clickHouseTotals(user).get(0)) >= 40 + 40,
                        replaying);
            } finally {
                replaying.cancel().get();
            }
            long quantity = Stream.concat(first.stream(), second.stream())
                    .mapToLong(t -> t.payload().quantity())
                    .sum();
            assertThat(documentsOf(ES, user)).hasSize(40);
            List<String> totals = clickHouseTotals(user);
            assertThat(totals.get(1)).as("distinct events").isEqualTo("40");
            assertThat(totals.get(2)).as("volume counted once per event").isEqualTo(Long.toString(quantity));
        } finally {
            restarted.cancel().get();
        }
    }

    private static List<EventEnvelope<TradeExecutedPayload>> trades(String user, int count, int offset) {
        List<EventEnvelope<TradeExecutedPayload>> trades = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trades.add(trade(
                    user,
                    "BOLT",
                    1 + (offset + i) % 7,
                    "99.5",
                    Instant.parse("2026-11-24T03:00:00Z").plusSeconds(offset + i)));
        }
        return trades;
    }

    private static Optional<Path> latestCheckpoint(JobClient job) {
        Path directory = SharedFlinkCluster.get()
                .checkpointDirectory()
                .resolve(job.getJobID().toString());
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> checkpoints = Files.list(directory)) {
            Collection<Path> completed = checkpoints
                    .filter(path -> path.getFileName().toString().startsWith("chk-"))
                    .filter(path -> Files.exists(path.resolve("_metadata")))
                    .toList();
            return completed.stream().max((a, b) -> Integer.compare(number(a), number(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int number(Path checkpoint) {
        return Integer.parseInt(checkpoint.getFileName().toString().substring("chk-".length()));
    }
}
