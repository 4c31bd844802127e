package com.mocktrading.order.placement;

import static com.mocktrading.platform.dependency.Dependency.DYNAMODB;
import static com.mocktrading.platform.dependency.Dependency.KAFKA;
import static com.mocktrading.platform.dependency.Dependency.REDIS;

import com.mocktrading.core.order.OrderRecord;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.Portfolio;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.LatestPrice;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one order against the latest price and a strongly consistent portfolio read, puts it into
 * trade_orders and records it. The order of the steps is the guarantee: the record that says ACCEPTED is
 * written only after Kafka acknowledged the order, so no record ever claims an order that is not queued; if
 * that write fails the order still executes, and the execution job writes the record.
 */
public final class OrderPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPlacement.class);
    static final String SOURCE = "order-service";

    private final PriceCache prices;
    private final PortfolioStore portfolios;
    private final OrderStore orders;
    private final OrderPublisher publisher;
    private final DependencyCalls calls;
    private final OrderRules rules;
    private final BigDecimal startingCash;
    private final Clock clock;
    private final Supplier<TraceContext> traceContext;

    public OrderPlacement(
            PriceCache prices,
            PortfolioStore portfolios,
            OrderStore orders,
            OrderPublisher publisher,
            DependencyCalls calls,
            OrderRules rules,
            BigDecimal startingCash,
            Clock clock,
            Supplier<TraceContext> traceContext) {
        this.prices = prices;
        this.portfolios = portfolios;
        this.orders = orders;
        this.publisher = publisher;
        this.calls = calls;
        this.rules = rules;
        this.startingCash = startingCash;
        this.clock = clock;
        this.traceContext = traceContext;
    }

    public static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @throws ApiException refusals (402, 422, 503 ...): nothing was published
     * @throws OrderNotQueuedException Kafka did not confirm: the order may be queued; retry with the same id
     */
    public Acceptance place(String userId, OrderRequest request, String orderId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LatestPrice price = calls.read(REDIS, () -> prices.latest(request.symbol()))
                .orElseThrow(
                        () -> new ApiException(ErrorCode.UNKNOWN_SYMBOL, "No price is known for " + request.symbol()));
        rules.requireFreshPrice(price, now);
        Portfolio portfolio = calls.read(DYNAMODB, () -> portfolios.find(userId, Consistency.STRONG))
                .orElseGet(() -> calls.write(DYNAMODB, () -> portfolios.provision(userId, startingCash)));
        rules.requireCoverage(request, price, portfolio);

        TradeOrderPayload payload =
                new TradeOrderPayload(orderId, userId, request.symbol(), request.quantity(), request.side(), now);
        EventEnvelope<TradeOrderPayload> event =
                Topics.TRADE_ORDERS.newEventWithId(eventIdOf(orderId), SOURCE, payload, traceContext.get());
        try {
            calls.write(KAFKA, () -> publisher.publish(event));
        } catch (ApiException kafkaUnavailable) {
            throw new OrderNotQueuedException(kafkaUnavailable);
        }

        OrderRecord record = OrderRecord.accepted(
                orderId, userId, request.symbol(), request.side(), request.quantity(), now, price.price());
        try {
            calls.write(DYNAMODB, () -> orders.recordAccepted(record));
        } catch (ApiException recordNotWritten) {
            LOG.warn(
                    "order {} is queued but its ACCEPTED record was not written; the execution job will write it",
                    orderId,
                    recordNotWritten);
        }
        LOG.info("accepted {} {} {} at {}", request.side(), request.quantity(), request.symbol(), price.price());
        return new Acceptance(
                orderId, userId, request.symbol(), request.side(), request.quantity(), now, record.validationPrice());
    }

    /** The same order id always gives the same event id, so a republished order is recognisably the same. */
    static String eventIdOf(String orderId) {
        return UUID.nameUUIDFromBytes(("trade_orders:" + orderId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
