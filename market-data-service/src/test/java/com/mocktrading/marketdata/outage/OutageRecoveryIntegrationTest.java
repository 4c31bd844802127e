package com.mocktrading.marketdata.outage;

import static com.mocktrading.marketdata.support.MarketDataTestSupport.WAIT;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.connect;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isPriceOf;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isType;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.json;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.newUser;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.priceIn;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.execution.ExecutionStore;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.KafkaServer;
import com.mocktrading.localstack.redis.RedisServer;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import com.mocktrading.marketdata.support.MarketDataTestSupport;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis, then Kafka, stopped under a running service and started again: the service stays alive, says it is
 * not ready while a dependency is away, and by itself becomes ready and streams prices again to the client that
 * stayed connected. Its own Kafka and Redis, so that stopping them disturbs no other test.
 */
class OutageRecoveryIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int REDIS_PORT = FreePorts.next();
    private static final int KAFKA_PORT = FreePorts.next();
    private static final int KAFKA_CONTROLLER_PORT = FreePorts.next();
    private static final Path DATA = SharedServers.directory("market-data-outage");
    private static KafkaServer kafka;
    private static RedisServer redis;
    private static ConfigurableApplicationContext service;
    private static int port;

    @BeforeAll
    static void start() {
        kafka = new KafkaServer(KAFKA_PORT, KAFKA_CONTROLLER_PORT, DATA.resolve("kafka"));
        kafka.start();
        redis = new RedisServer(REDIS_PORT, DATA.resolve("redis"), false);
        redis.start();
        MarketDataTestSupport.createTopics(kafka.bootstrapServers());
        service = MarketDataTestSupport.startInstance(kafka.bootstrapServers(), redis.uri());
        port = MarketDataTestSupport.portOf(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        redis.stop();
        kafka.stop();
    }

    @Test
    void reportsNotReadyWhileADependencyIsAwayAndRecoversByItself() throws Exception {
        awaitReadiness(200);
        try (WebSocketTestClient client = connect(port, newUser())) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"prices:ACME\"]}");
            client.await(frame -> isType(frame, "subscribed"), WAIT);
            publishAndReceive(client, "10.1111");

            redis.stop();
            awaitReadiness(503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
            redis = new RedisServer(REDIS_PORT, DATA.resolve("redis"), false);
            redis.start();
            awaitReadiness(200);
            publishAndReceive(client, "20.2222");

            kafka.stop();
            awaitReadiness(503);
            assertThat(status("/actuator/health/liveness")).isEqualTo(200);
            kafka.start();
            awaitReadiness(200);
            publishAndReceive(client, "30.3333");
        }
    }

    @Test
    void anOrderOutcomeThePubSubConnectionMissedReachesTheConnectedClientAfterItsReconnect() throws Exception {
        awaitReadiness(200);
        String user = newUser();
        try (WebSocketTestClient client = connect(port, user)) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"orders\"]}");
            client.await(frame -> isType(frame, "subscribed"), WAIT);
            // An outcome decided just as the instance's Pub/Sub connection drops: its publication reached no
            // subscriber of this instance (here it is not published at all: only the catch-up can deliver it).
            TradeOrderPayload order =
                    new TradeOrderPayload(UUID.randomUUID().toString(), user, "ACME", 1, Side.BUY, Instant.now());
            new ExecutionStore(SharedServers.dynamoDb().client(), TableDefinitions.PORTFOLIOS, TableDefinitions.ORDERS)
                    .recordFailure(
                            order, ExecutionStatus.FAILED_INSUFFICIENT_FUNDS, Instant.now(), "decided in a blip");

            // A blip the client library reconnects by itself, faster than any watchdog round.
            RedisClient admin = RedisClient.create(redis.uri());
            try (var connection = admin.connect()) {
                assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub()))
                        .isPositive();
            } finally {
                admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }

            String update = client.await(frame -> frame.contains(order.orderId()), WAIT);
            assertThat(json(update).path("type").asString()).isEqualTo("order_update");
            assertThat(json(update).path("payload").path("status").asString()).isEqualTo("FAILED_INSUFFICIENT_FUNDS");
        }
    }

    private static void publishAndReceive(WebSocketTestClient client, String price) throws InterruptedException {
        publishPrice(kafka.bootstrapServers(), "ACME", price, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        client.await(frame -> isPriceOf(frame, "prices:ACME") && price.equals(priceIn(frame)), WAIT.multipliedBy(2));
    }

    private static void awaitReadiness(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status("/actuator/health/readiness");
            if (last == expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness stayed " + last + ", expected " + expected);
    }

    private static int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
