package com.mocktrading.execution;

import static com.mocktrading.execution.support.ExecutionTestSupport.KAFKA;
import static com.mocktrading.execution.support.ExecutionTestSupport.awaitOutcomes;
import static com.mocktrading.execution.support.ExecutionTestSupport.config;
import static com.mocktrading.execution.support.ExecutionTestSupport.event;
import static com.mocktrading.execution.support.ExecutionTestSupport.newRun;
import static com.mocktrading.execution.support.ExecutionTestSupport.order;
import static com.mocktrading.execution.support.ExecutionTestSupport.portfolio;
import static com.mocktrading.execution.support.ExecutionTestSupport.price;
import static com.mocktrading.execution.support.ExecutionTestSupport.produce;
import static com.mocktrading.execution.support.ExecutionTestSupport.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.functions.DeadLetterSerializer;
import com.mocktrading.execution.support.ExecutionTestSupport;
import com.mocktrading.localstack.kafka.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ExecutionJobIntegrationTest {

    @Test
    void executesEachOrderOnceAtTheLatestPriceAndDeadLettersPoison() throws Exception {
        // Given three users, a price, and their orders with a duplicate, a stale price and four poison records
        PortfolioStore portfolios = ExecutionTestSupport.portfolios();
        String run = newRun();
        ExecutionJobConfig config = config(run, Map.of());
        String alice = "alice-" + run;
        String bob = "bob-" + run;
        String carol = "carol-" + run;
        portfolios.provision(alice, new BigDecimal("1000.00"));
        portfolios.provision(bob, new BigDecimal("50.00"));
        portfolios.provision(carol, new BigDecimal("50.00"));
        price("EXEC", "10.00");
        TradeOrderPayload aliceBuys = order(alice, "EXEC", Side.BUY, 10);
        TradeOrderPayload aliceSells = order(alice, "EXEC", Side.SELL, 4);
        TradeOrderPayload bobBuys = order(bob, "EXEC", Side.BUY, 6);
        TradeOrderPayload carolSells = order(carol, "EXEC", Side.SELL, 1);
        // a backlog after an outage must not execute at an hours-old price
        price("EXECOLD", "10.00", java.time.Instant.now().minus(Duration.ofHours(3)));
        TradeOrderPayload carolBuysStale = order(carol, "EXECOLD", Side.BUY, 1);
        // the duplicate: republished by order-service after an unconfirmed send
        produce(config.ordersTopic(), alice, event(aliceBuys), event(aliceSells), event(aliceBuys));
        produce(config.ordersTopic(), bob, event(bobBuys));
        produce(config.ordersTopic(), carol, event(carolSells), event(carolBuysStale));
        produce(config.ordersTopic(), "x", "not json".getBytes(StandardCharsets.UTF_8));
        produce(
                config.ordersTopic(),
                "y",
                new String(event(carolSells), StandardCharsets.UTF_8)
                        .replace("\"quantity\":1", "\"quantity\":0")
                        .getBytes(StandardCharsets.UTF_8));
        // ids no DynamoDB key may hold: they must not crash-loop the job
        produce(
                config.ordersTopic(),
                "z",
                new String(event(carolSells), StandardCharsets.UTF_8)
                        .replace(carolSells.orderId(), "o".repeat(3000))
                        .getBytes(StandardCharsets.UTF_8));
        produce(
                config.ordersTopic(),
                "w",
                new String(event(carolSells), StandardCharsets.UTF_8)
                        .replace(carol, "u".repeat(3000))
                        .getBytes(StandardCharsets.UTF_8));

        // When the job runs
        JobClient job = start(config, "execution-" + run);
        try {
            List<EventEnvelope<TradeExecutedPayload>> events = awaitOutcomes(config.outcomesTopic(), 5);

            // Then each order has exactly one outcome, decided at execution time, traced and identifiable
            assertThat(events).hasSize(5);
            Map<String, TradeExecutedPayload> outcomes =
                    events.stream().collect(Collectors.toMap(e -> e.payload().orderId(), EventEnvelope::payload));
            assertThat(outcomes.get(aliceBuys.orderId()).status()).isEqualTo(ExecutionStatus.EXECUTED);
            assertThat(outcomes.get(aliceBuys.orderId()).executionPrice()).isEqualByComparingTo("10.00");
            assertThat(outcomes.get(aliceSells.orderId()).status()).isEqualTo(ExecutionStatus.EXECUTED);
            assertThat(outcomes.get(bobBuys.orderId()).status()).isEqualTo(ExecutionStatus.FAILED_INSUFFICIENT_FUNDS);
            assertThat(outcomes.get(carolSells.orderId()).status())
                    .isEqualTo(ExecutionStatus.FAILED_INSUFFICIENT_HOLDINGS);
            assertThat(outcomes.get(carolBuysStale.orderId()).status())
                    .isEqualTo(ExecutionStatus.FAILED_PRICE_UNAVAILABLE);
            assertThat(outcomes.get(carolBuysStale.orderId()).failureReason()).contains("old");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.eventId())
                        .isEqualTo(
                                Topics.TRADE_EXECUTED.eventIdOf(event.payload().orderId()));
                assertThat(event.traceContext().traceparent()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
            });

            // And the portfolios moved exactly by the executed trades, once
            Portfolio after = portfolio(alice);
            assertThat(after.cashBalance()).isEqualByComparingTo("940.00");
            assertThat(after.quantityOf("EXEC")).isEqualTo(6);
            assertThat(after.version()).isEqualTo(2);
            assertThat(portfolio(bob).version()).isZero();

            // And the poison records are in the dead-letter topic with their reasons
            List<ConsumerRecord<String, String>> dead = TopicReader.readCommitted(KAFKA)
                    .read(config.deadLetterTopic(), 4, Duration.ofSeconds(30), Duration.ZERO);
            assertThat(dead).hasSize(4).allSatisfy(record -> assertThat(
                            record.headers().lastHeader(DeadLetterSerializer.REASON_HEADER))
                    .isNotNull());
        } finally {
            job.cancel().get();
        }
    }
}
