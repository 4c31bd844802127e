package com.mocktrading.marketdata.streaming;

import static com.mocktrading.marketdata.support.MarketDataTestSupport.WAIT;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.connect;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isPriceOf;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isType;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.json;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.newUser;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.priceIn;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.publishOutcome;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import com.mocktrading.marketdata.support.MarketDataTestSupport;
import com.mocktrading.marketdata.support.RunningMarketDataService;
import com.mocktrading.simulator.feed.MarketDataPublisher;
import com.mocktrading.simulator.feed.PriceFeed;
import com.mocktrading.simulator.feed.SimulationLoop;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real path: price simulator -> Kafka -> service -> Redis (cache and Pub/Sub) -> WebSocket client, and
 * trade_executed -> the owner's connection only.
 */
class MarketDataStreamingIntegrationTest extends RunningMarketDataService {

    /** The simulator moves the ten demo symbols; the tests below use generated ones where they need quiet. */
    private static final int SIMULATED = 10;

    private static final ExecutorService SIMULATOR = Executors.newSingleThreadExecutor();
    private static MarketDataPublisher publisher;
    private static SimulationLoop simulation;

    @BeforeAll
    static void startSimulator() {
        publisher = new MarketDataPublisher(SharedServers.kafka().bootstrapServers());
        simulation =
                new SimulationLoop(new PriceFeed(SymbolUniverse.of(SIMULATED, 42), 0, 1, 42, 3600), publisher, 100);
        SIMULATOR.submit(() -> simulation.run(Duration.ofMinutes(10), Duration.ofMinutes(10), (count, last) -> {}));
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        simulation.stop();
        SIMULATOR.shutdown();
        publisher.close();
    }

    @Test
    void simulatedPricesReachSubscribedClientsAndStopAfterUnsubscribe() throws Exception {
        try (WebSocketTestClient client = connect(port, newUser())) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"prices:ACME\",\"prices:BOLT\"]}");

            String ack = client.await(frame -> isType(frame, "subscribed"), WAIT);
            assertThat(json(ack).path("topics").toString()).isEqualTo("[\"prices:ACME\",\"prices:BOLT\"]");
            String acme = client.await(frame -> isPriceOf(frame, "prices:ACME"), WAIT);
            client.await(frame -> isPriceOf(frame, "prices:BOLT"), WAIT);
            assertThat(json(acme).path("payload").path("symbol").asString()).isEqualTo("ACME");
            // The contract's price format: a plain decimal string with 2 to 4 decimals (290.1440 is "290.144").
            assertThat(priceIn(acme)).matches("\\d+\\.\\d{2,4}");
            assertThat(json(acme).path("payload").path("feedTimestamp").asString())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            client.send("{\"type\":\"unsubscribe\",\"topics\":[\"prices:BOLT\"]}");
            client.await(frame -> isType(frame, "unsubscribed"), WAIT);
            List<String> afterUnsubscribe = new ArrayList<>();
            while (afterUnsubscribe.stream()
                            .filter(frame -> isPriceOf(frame, "prices:ACME"))
                            .count()
                    < 5) {
                String frame = client.poll(WAIT);
                assertThat(frame).as("ACME keeps updating").isNotNull();
                afterUnsubscribe.add(frame);
            }
            assertThat(afterUnsubscribe).noneMatch(frame -> isPriceOf(frame, "prices:BOLT"));
        }
    }

    @Test
    void aSubscriptionStartsWithTheLatestCachedPrice() throws Exception {
        String quiet = "SZ"; // in the service's universe, not simulated
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publishPrice(SharedServers.kafka().bootstrapServers(), quiet, "42.1234", now);
        publishPrice(SharedServers.kafka().bootstrapServers(), quiet, "41.0000", now.minusSeconds(5));
        awaitRestPrice(quiet, "42.1234");

        try (WebSocketTestClient client = connect(port, newUser())) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"prices:" + quiet + "\"]}");

            client.await(frame -> isType(frame, "subscribed"), WAIT);
            String snapshot = client.await(frame -> isPriceOf(frame, "prices:" + quiet), WAIT);
            assertThat(priceIn(snapshot)).isEqualTo("42.1234");
            assertThat(client.poll(Duration.ofMillis(500)))
                    .as("the out-of-order older tick never reaches clients")
                    .isNull();
        }
    }

    @Test
    void orderOutcomesReachTheirOwnerOnly() throws Exception {
        String alice = newUser();
        String bob = newUser();
        try (WebSocketTestClient aliceClient = connect(port, alice);
                WebSocketTestClient bobClient = connect(port, bob)) {
            aliceClient.send("{\"type\":\"subscribe\",\"topics\":[\"orders\"]}");
            bobClient.send("{\"type\":\"subscribe\",\"topics\":[\"orders\"]}");
            aliceClient.await(frame -> isType(frame, "subscribed"), WAIT);
            bobClient.await(frame -> isType(frame, "subscribed"), WAIT);

            String aliceOrder = UUID.randomUUID().toString();
            String bobOrder = UUID.randomUUID().toString();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            publishOutcome(
                    SharedServers.kafka().bootstrapServers(),
                    new TradeExecutedPayload(
                            aliceOrder,
                            alice,
                            "ACME",
                            3,
                            Side.BUY,
                            ExecutionStatus.EXECUTED,
                            new BigDecimal("12.3400"),
                            at,
                            null));
            publishOutcome(
                    SharedServers.kafka().bootstrapServers(),
                    new TradeExecutedPayload(
                            bobOrder,
                            bob,
                            "BOLT",
                            5,
                            Side.SELL,
                            ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS,
                            null,
                            at,
                            "holds 0"));

            String aliceUpdate = aliceClient.await(frame -> isType(frame, "order_update"), WAIT);
            assertThat(json(aliceUpdate).path("topic").asString()).isEqualTo("orders");
            assertThat(json(aliceUpdate).path("payload").path("orderId").asString())
                    .isEqualTo(aliceOrder);
            assertThat(json(aliceUpdate).path("payload").path("status").asString())
                    .isEqualTo("EXECUTED");
            assertThat(json(aliceUpdate).path("payload").path("executionPrice").asString())
                    .isEqualTo("12.34");
            assertThat(json(aliceUpdate).path("payload").path("quantity").asLong())
                    .isEqualTo(3);
            String bobUpdate = bobClient.await(frame -> isType(frame, "order_update"), WAIT);
            assertThat(json(bobUpdate).path("payload").path("orderId").asString())
                    .isEqualTo(bobOrder);
            assertThat(json(bobUpdate).path("payload").has("executionPrice")).isFalse();
            assertThat(json(bobUpdate).path("payload").path("failureReason").asString())
                    .isEqualTo("holds 0");

            assertThat(aliceClient.poll(Duration.ofMillis(500))).isNull();
            assertThat(bobClient.poll(Duration.ofMillis(100))).isNull();
        }
    }

    private void awaitRestPrice(String symbol, String price) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var response = MarketDataTestSupport.get(port, "/prices/" + symbol, newUser());
            if (response.statusCode() == 200
                    && price.equals(json(response.body()).path("price").asString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the cache never showed " + symbol + " at " + price);
    }
}
