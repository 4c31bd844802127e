package com.mocktrading.execution.functions;

import com.mocktrading.core.execution.ExecutionStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.execution.Decision;
import com.mocktrading.domain.execution.OrderExecutor;
import com.mocktrading.domain.execution.OutcomeEvents;
import com.mocktrading.domain.execution.PortfolioContendedException;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.execution.ExecutionJobConfig;
import com.mocktrading.execution.records.Outcome;
import com.mocktrading.tracing.JobTracer;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Executes orders off the task thread (Flink async I/O) and in order per user: each user's orders are chained
 * one after the other (a failed order fails the ones chained after it, so order holds across failures),
 * different users' orders run concurrently on a bounded pool. Outcomes come back in
 * input order; in-flight orders are part of every checkpoint and are re-executed after a recovery, which the
 * stores' once-only condition turns into the stored outcome, marked as a replay. Each execution is a span of the
 * order's trace ("execute order", with the price read and each DynamoDB transaction as its children); the outcome
 * event carries that span's context on.
 */
public final class ExecuteOrders extends RichAsyncFunction<EventEnvelope<TradeOrderPayload>, Outcome> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExecuteOrders.class);

    private final ExecutionJobConfig config;
    private final DynamoDbClientFactory dynamoDb;
    private transient ExecutorService pool;
    private transient DynamoDbClient dynamo;
    private transient RedisClient redis;
    private transient StatefulRedisConnection<String, String> connection;
    private transient OrderExecutor executor;
    private transient PerUserChain chain;
    private transient Retry storeRetry;
    private transient JobTracer tracer;
    private transient ExecutionMetrics metrics;

    public ExecuteOrders(ExecutionJobConfig config, DynamoDbClientFactory dynamoDb) {
        this.config = config;
        this.dynamoDb = dynamoDb;
    }

    @Override
    public void open(OpenContext context) {
        tracer = config.tracing().open();
        metrics = new ExecutionMetrics(getRuntimeContext().getMetricGroup());
        pool = Executors.newFixedThreadPool(config.executorThreads());
        dynamo = dynamoDb.create(config);
        RedisURI uri = RedisURI.create(config.redisUri());
        uri.setTimeout(Duration.ofSeconds(1));
        redis = RedisClient.create(uri);
        connection = redis.connect();
        PriceCache prices = new PriceCache(() -> connection);
        PortfolioStore portfolios = new PortfolioStore(dynamo, config.portfoliosTable(), config.fundingTable());
        executor = new OrderExecutor(
                user -> portfolios.find(user, PortfolioStore.Consistency.STRONG),
                new TracedExecutionRecords(
                        new ExecutionStore(dynamo, config.portfoliosTable(), config.ordersTable()), tracer),
                symbol -> tracedPrice(prices, symbol),
                Clock.systemUTC(),
                config.priceStaleness(),
                config.conflictAttempts());
        storeRetry = Retry.of(
                "execution-store",
                RetryConfig.custom()
                        .maxAttempts(config.storeAttempts())
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(config.storeBackoff(), 2))
                        // Every conflict attempt was made already: another round would only repeat them.
                        .retryOnException(e -> !(e instanceof PortfolioContendedException))
                        .build());
        chain = new PerUserChain(pool);
    }

    @Override
    public void asyncInvoke(EventEnvelope<TradeOrderPayload> order, ResultFuture<Outcome> result) {
        chain.then(order.payload().userId(), () -> execute(order)).whenComplete((outcome, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(outcome);
            }
        });
    }

    /** The order's outcome event; none for an order that order-service withdrew. */
    private List<Outcome> execute(EventEnvelope<TradeOrderPayload> order) {
        TradeOrderPayload payload = order.payload();
        Span span = tracer.start("execute order", SpanKind.CONSUMER, order.traceContext());
        span.setAttribute("mocktrading.order_id", payload.orderId());
        span.setAttribute("mocktrading.user_id", payload.userId());
        span.setAttribute("mocktrading.symbol", payload.symbol());
        String traceId = span.getSpanContext().isValid()
                ? span.getSpanContext().getTraceId()
                : order.traceContext() == null
                        ? ""
                        : String.valueOf(order.traceContext().traceId());
        // The log lines of this order carry its ids, as the services' do: a trace id found in the trace UI finds them.
        try (Scope ignored = span.makeCurrent();
                MDC.MDCCloseable trace = MDC.putCloseable("traceId", traceId);
                MDC.MDCCloseable spanId =
                        MDC.putCloseable("spanId", span.getSpanContext().getSpanId());
                MDC.MDCCloseable orderId = MDC.putCloseable("orderId", payload.orderId());
                MDC.MDCCloseable userId = MDC.putCloseable("userId", payload.userId())) {
            Optional<Decision> decision = Retry.decorateSupplier(storeRetry, () -> executor.execute(payload))
                    .get();
            decision.ifPresentOrElse(
                    decided -> {
                        span.setAttribute(
                                "mocktrading.status", decided.outcome().status().name());
                        if (!decided.replayed()) {
                            metrics.decided(payload, decided.outcome());
                        }
                        LOG.info(
                                "{} {} {} {}: {}{}",
                                payload.side(),
                                payload.quantity(),
                                payload.symbol(),
                                decided.replayed() ? "decided before (a replay)" : "decided",
                                decided.outcome().status(),
                                decided.outcome().executionPrice() == null
                                        ? ""
                                        : " at "
                                                + decided.outcome()
                                                        .executionPrice()
                                                        .toPlainString());
                    },
                    () -> {
                        span.setAttribute("mocktrading.status", "WITHDRAWN");
                        metrics.withdrawn();
                        LOG.info("withdrawn by order-service before its execution: skipped");
                    });
            return decision.map(decided -> List.of(new Outcome(
                            OutcomeEvents.of(decided.outcome(), JobTracer.contextOf(span, order.traceContext())),
                            decided.replayed())))
                    .orElse(List.of());
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Optional<LatestPrice> tracedPrice(PriceCache prices, String symbol) {
        Span span = tracer.startChild("read price");
        span.setAttribute("db.system.name", "redis");
        span.setAttribute("mocktrading.symbol", symbol);
        return JobTracer.during(span, () -> {
            Optional<LatestPrice> price = priceWithRetries(prices, symbol);
            span.setAttribute("mocktrading.price_found", price.isPresent());
            return price;
        });
    }

    private Optional<LatestPrice> priceWithRetries(PriceCache prices, String symbol) {
        for (int lookup = 1; ; lookup++) {
            Optional<LatestPrice> price = prices.latest(symbol);
            if (price.isPresent() || lookup >= config.priceLookups()) {
                return price;
            }
            sleep(config.priceRetryDelay());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (connection != null) {
            connection.close();
        }
        if (redis != null) {
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (tracer != null) {
            tracer.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
