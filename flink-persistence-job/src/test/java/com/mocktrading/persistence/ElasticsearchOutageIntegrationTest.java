package com.mocktrading.persistence;

import static com.mocktrading.persistence.support.PersistenceTestSupport.awaitUntil;
import static com.mocktrading.persistence.support.PersistenceTestSupport.clickHouseTotals;
import static com.mocktrading.persistence.support.PersistenceTestSupport.documentsOf;
import static com.mocktrading.persistence.support.PersistenceTestSupport.produce;
import static com.mocktrading.persistence.support.PersistenceTestSupport.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.elasticsearch.ElasticsearchServer;
import com.mocktrading.persistence.support.PersistenceTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch stopped under the running job and started again: meanwhile ClickHouse keeps getting every trade
 * (the pipelines are independent), and once Elasticsearch is back every trade written while it was away is there,
 * once. Its own Elasticsearch, so stopping it disturbs no other test.
 */
class ElasticsearchOutageIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int HTTP_PORT = FreePorts.next();
    private static final int TRANSPORT_PORT = FreePorts.next();
    private static final Path DATA = SharedServers.directory("persistence-es-outage");
    private static ElasticsearchServer elasticsearch = server();

    @AfterAll
    static void stop() {
        elasticsearch.stop();
    }

    @Test
    void nothingIsLostWhileElasticsearchIsAwayAndClickHouseIsNotHeldBack() throws Exception {
        elasticsearch.start();
        String es = elasticsearch.httpUrl();
        PersistenceTestSupport.bootstrap(es);
        String run = PersistenceTestSupport.newRun();
        String user = "user-" + run;
        PersistenceJobConfig config = PersistenceTestSupport.config(run, es, Map.of());
        JobClient job = PersistenceTestSupport.start(config, "persistence-outage-" + run);
        try {
            produce(config.topic(), trades(user, 20, 0));
            awaitUntil(WAIT, "20 documents", () -> documentsOf(es, user).size() == 20);

            elasticsearch.stop();
            produce(config.topic(), trades(user, 30, 20));
            awaitUntil(WAIT, "all 50 rows in ClickHouse while Elasticsearch is down", () -> clickHouseTotals(user)
                    .get(1)
                    .equals("50"));
            Thread.sleep(3_000); // a few failed attempts and checkpoints while it is away

            elasticsearch = server();
            elasticsearch.start();
            awaitUntil(
                    WAIT,
                    "all 50 documents once Elasticsearch is back",
                    () -> documentsOf(es, user).size() == 50);
            assertThat(documentsOf(es, user)).hasSize(50);
        } finally {
            job.cancel().get();
        }
    }

    private static ElasticsearchServer server() {
        return new ElasticsearchServer(HTTP_PORT, TRANSPORT_PORT, DATA, "384m");
    }

    private static List<EventEnvelope<TradeExecutedPayload>> trades(String user, int count, int offset) {
        List<EventEnvelope<TradeExecutedPayload>> trades = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trades.add(trade(
                    user,
                    "CRUX",
                    1 + i,
                    "12.5",
                    Instant.parse("2026-11-24T05:00:00Z").plusSeconds(offset + i)));
        }
        return trades;
    }
}
