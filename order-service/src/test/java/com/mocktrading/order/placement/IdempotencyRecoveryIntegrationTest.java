package com.mocktrading.order.placement;

import static com.mocktrading.order.support.OrderServiceTestSupport.dynamo;
import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.portfolio;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.order.placement.idempotency.IdempotencyStore;
import com.mocktrading.order.support.OrderServiceTestSupport;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a keyed retry answers after its first attempt ended half-way: the first attempt's state is planted in the
 * real stores as a request that died at that point leaves it (a key holding an order, with or without the order in
 * trade_orders or recorded), then the retry goes through the service. Once an order may be queued, the key's answer
 * is that order, whatever the portfolio says by now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyRecoveryIntegrationTest {

    private static final Duration RETENTION = Duration.ofHours(25);

    @LocalServerPort
    int port;

    @Autowired
    OrderPlacement placement;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
    }

    @Test
    void aKeyPastItsRetentionBehavesAsANewKey() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        Acceptance old = acceptance(user, symbol, 2);
        keys(Duration.ofSeconds(9), Duration.ofSeconds(-1))
                .claim("old-key", fingerprint(symbol, 2), "a", old, Instant.now());
        recorded(old); // its order was executed long ago

        HttpResponse<String> reused = post(port, "/orders", order(symbol, "BUY", 2), user, "old-key");

        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(202);
        String newOrder = json(reused).get("orderId").asText();
        assertThat(newOrder).isNotEqualTo(old.orderId());
        assertThat(publishedOrdersOf(user))
                .extracting(event -> event.payload().orderId())
                .containsExactly(newOrder);
    }

    @Test
    void aDuplicateOfARequestStillInFlightGets409InProgressWithRetryAfter() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        // Another request holds the key and is still working on it.
        keys(Duration.ofSeconds(60), RETENTION)
                .claim("busy", fingerprint(symbol, 1), "first", acceptance(user, symbol, 1), Instant.now());

        HttpResponse<String> duplicate = post(port, "/orders", order(symbol, "BUY", 1), user, "busy");

        assertProblem(duplicate, 409, "IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(duplicate.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(publishedOrdersOf(user)).isEmpty();
    }

    @Test
    void aRetryAfterTheFirstAttemptGotThroughAnswersThatOrderWithoutValidatingAgain() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        Acceptance first = acceptance(user, symbol, 5);
        // The first attempt published and recorded its order, then died before completing the key; the order has
        // executed since, so the cash would no longer cover it.
        keys(Duration.ZERO, RETENTION).claim("got-through", fingerprint(symbol, 5), "first", first, Instant.now());
        recorded(first);
        portfolio(user, "0.00", Map.of());

        HttpResponse<String> retry = post(port, "/orders", order(symbol, "BUY", 5), user, "got-through");
        HttpResponse<String> again = post(port, "/orders", order(symbol, "BUY", 5), user, "got-through");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(json(retry).get("orderId").asText()).isEqualTo(first.orderId());
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(publishedOrdersOf(user)).isEmpty(); // recorded means queued: nothing to publish again
    }

    @Test
    void aRetryAfterTheFirstAttemptDiedMidPublicationPublishesThatSameOrder() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        Acceptance first = acceptance(user, symbol, 3);
        // Died after claiming: whether its publication reached Kafka is unknown, nothing is recorded.
        keys(Duration.ZERO, RETENTION).claim("mid-publish", fingerprint(symbol, 3), "first", first, Instant.now());
        portfolio(user, "0.00", Map.of());

        HttpResponse<String> retry = post(port, "/orders", order(symbol, "BUY", 3), user, "mid-publish");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(json(retry).get("orderId").asText()).isEqualTo(first.orderId());
        List<EventEnvelope<TradeOrderPayload>> published = publishedOrdersOf(user);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.payload().orderId()).isEqualTo(first.orderId());
            assertThat(event.eventId()).isEqualTo(Topics.TRADE_ORDERS.eventIdOf(first.orderId()));
            assertThat(event.payload().orderTimestamp()).isEqualTo(first.acceptedAt());
        });
    }

    @Test
    void aRetryAfterTheFirstAttemptsOrderWasWithdrawnPlacesANewOrder() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        Acceptance first = acceptance(user, symbol, 4);
        keys(Duration.ZERO, RETENTION).claim("withdrawn", fingerprint(symbol, 4), "first", first, Instant.now());
        new OrderStore(dynamo(), TableDefinitions.ORDERS)
                .withdraw(first.orderId(), user, symbol, Side.BUY, 4, Instant.now());

        HttpResponse<String> retry = post(port, "/orders", order(symbol, "BUY", 4), user, "withdrawn");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        String newOrder = json(retry).get("orderId").asText();
        assertThat(newOrder).isNotEqualTo(first.orderId());
        assertThat(publishedOrdersOf(user))
                .extracting(event -> event.payload().orderId())
                .containsExactly(newOrder);
    }

    @Test
    void anAttemptWhoseOrderAnotherAttemptWithdrewMeanwhileIsNotAnsweredAsQueued() {
        // Attempt B took a key over and found no record; before it recorded its publication, the slow attempt A
        // gave up and withdrew the order. The execution job skips a withdrawn order: B must not answer 202.
        String user = newUser();
        Acceptance order = acceptance(user, "ACME", 2);
        new OrderStore(dynamo(), TableDefinitions.ORDERS)
                .withdraw(order.orderId(), user, "ACME", Side.BUY, 2, Instant.now());

        assertThat(placement.queue(order, Duration.ofSeconds(10))).isEqualTo(OrderPlacement.Queuing.WITHDRAWN);
        assertThat(placement.recordedStatus(order.orderId())).contains(OrderStatus.WITHDRAWN);
    }

    @Test
    void aWriteTheSdkRetriedAfterItSucceededIsRecognisedAsTheCallersOwn() {
        IdempotencyStore keys = keys(Duration.ofSeconds(60), RETENTION);
        String user = newUser();
        Acceptance acceptance = acceptance(user, "ACME", 1);

        boolean first = keys.claim("sdk-retry", fingerprint("ACME", 1), "mine", acceptance, Instant.now());
        boolean retried = keys.claim("sdk-retry", fingerprint("ACME", 1), "mine", acceptance, Instant.now());
        boolean someoneElse = keys.claim("sdk-retry", fingerprint("ACME", 1), "theirs", acceptance, Instant.now());

        assertThat(first).isTrue();
        assertThat(retried).isTrue();
        assertThat(someoneElse).isFalse();
    }

    private static IdempotencyStore keys(Duration lease, Duration retention) {
        return new IdempotencyStore(dynamo(), TableDefinitions.IDEMPOTENCY_KEYS, lease, retention);
    }

    private static Acceptance acceptance(String user, String symbol, long quantity) {
        return new Acceptance(
                UUID.randomUUID().toString(),
                user,
                symbol,
                Side.BUY,
                quantity,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new BigDecimal("10.0000"));
    }

    private static void recorded(Acceptance acceptance) {
        new OrderStore(dynamo(), TableDefinitions.ORDERS).recordAccepted(acceptance.record());
    }

    private static String fingerprint(String symbol, long quantity) {
        return new OrderRequest(symbol, Side.BUY, quantity).fingerprint();
    }
}
