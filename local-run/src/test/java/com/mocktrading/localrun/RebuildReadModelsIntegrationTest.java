package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.consistency.HistoryTrade;
import com.mocktrading.consistency.ReadModelReaders;
import com.mocktrading.domain.execution.OutcomeEvents;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The read models rebuilt from trade_executed alone, by the persistence job's own jar on a Flink cluster: empty
 * stores get every trade once, with progress printed; a second rebuild over them changes nothing.
 */
class RebuildReadModelsIntegrationTest {

    private static final int TRADES = 400;

    @Test
    void rebuildsBothReadModelsFromTheTopicOnceAndIdempotently() throws Exception {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        LocalSystemSettings free = LocalSystemSettings.onFreePorts(SharedServers.directory("rebuild"), null);
        try (LocalSystem stack = new LocalSystem(free)) {
            stack.start();
            publishInTwoTransactions(stack.kafka().bootstrapServers());
            RebuildReadModels.Endpoints endpoints = new RebuildReadModels.Endpoints(
                    stack.flink().restUrl(),
                    stack.kafka().bootstrapServers(),
                    stack.elasticsearch().httpUrl(),
                    stack.clickHouse().httpUrl());
            Path jar = checkout.resolve("flink-persistence-job/target/flink-persistence-job-"
                    + System.getProperty("project.version", "0.1.0-SNAPSHOT") + "-job.jar");
            ByteArrayOutputStream progress = new ByteArrayOutputStream();

            boolean first = RebuildReadModels.run(
                    endpoints, jar, Duration.ofMinutes(5), new PrintStream(progress, true, StandardCharsets.UTF_8));
            ReadModelReaders readModels = new ReadModelReaders(
                    stack.elasticsearch().httpUrl(), stack.clickHouse().httpUrl());
            List<HistoryTrade> history = readModels.history();
            List<HistoryTrade> analytics = readModels.analytics();
            boolean second = RebuildReadModels.run(endpoints, jar, Duration.ofMinutes(5), System.out);

            assertThat(first).as(progress.toString(StandardCharsets.UTF_8)).isTrue();
            // Progress counts offsets: the transactions' commit markers take some too.
            assertThat(progress.toString(StandardCharsets.UTF_8))
                    .containsPattern(
                            "elasticsearch [0-9,]+ / [0-9,]+ \\(100%\\)  clickhouse [0-9,]+ / [0-9,]+ \\(100%\\)")
                    .contains("rebuilt: both stores read all");
            assertThat(eventIds(history)).hasSize(TRADES);
            assertThat(history).hasSize(TRADES);
            assertThat(eventIds(analytics)).hasSize(TRADES);
            assertThat(second).isTrue();
            assertThat(readModels.history()).hasSize(TRADES);
            assertThat(eventIds(readModels.analytics())).hasSize(TRADES);
        }
    }

    /** Outcomes as the execution job writes them: transactionally, so the topic holds commit markers too. */
    private static void publishInTwoTransactions(String kafka) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "rebuild-test"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (int batch = 0; batch < 2; batch++) {
                producer.beginTransaction();
                for (int i = batch * TRADES / 2; i < (batch + 1) * TRADES / 2; i++) {
                    TradeExecutedPayload outcome = new TradeExecutedPayload(
                            "rebuild-order-" + i,
                            "rebuild-user-" + (i % 7),
                            "ACME",
                            1 + i % 5,
                            Side.BUY,
                            ExecutionStatus.EXECUTED,
                            new BigDecimal("12.5000"),
                            Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i),
                            null);
                    producer.send(new ProducerRecord<>(
                            Topics.TRADE_EXECUTED.name(),
                            outcome.userId(),
                            Topics.TRADE_EXECUTED.serde().serialize(OutcomeEvents.of(outcome, null))));
                }
                producer.commitTransaction();
            }
        }
    }

    private static Set<String> eventIds(List<HistoryTrade> trades) {
        return trades.stream().map(HistoryTrade::eventId).collect(Collectors.toSet());
    }
}
