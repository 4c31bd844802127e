package com.mocktrading.order.placement;

import static com.mocktrading.platform.dependency.Dependency.DYNAMODB;
import static com.mocktrading.platform.dependency.Dependency.KAFKA;
import static com.mocktrading.platform.dependency.Dependency.REDIS;

import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.order.AcceptanceRules;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderRefusedException;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two halves of accepting an order. {@link #validate} checks it against the latest price and a strongly
 * consistent portfolio read and changes nothing. {@link #queue} puts it into trade_orders and records it; the
 * record that says ACCEPTED is written only after Kafka acknowledged the order, so no record ever claims an order
 * that is not queued, and if that write fails the order still executes (the execution job writes the record).
 *
 * <p>When Kafka does not confirm, the order may or may not be in the topic. Rather than answer a failure that
 * might hide a queued order, {@link #queue} settles it with one conditional write: it withdraws the order (the
 * execution job then skips it, should it be in the topic), or finds it already recorded, i.e. queued.
 */
public final class OrderPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPlacement.class);
    static final String SOURCE = "order-service";

    /** Where an order stands once {@link #queue} returns. */
    public enum Queuing {
        /** In trade_orders: answer 202. */
        QUEUED,
        /** Not confirmed, and withdrawn: it will never execute; the request changed nothing. */
        WITHDRAWN
    }

    private final PriceCache prices;
    private final PortfolioStore portfolios;
    private final OrderStore orders;
    private final OrderPublisher publisher;
    private final DependencyCalls calls;
    private final AcceptanceRules rules;
    private final BigDecimal startingCash;
    private final Clock clock;
    private final Supplier<TraceContext> traceContext;

    public OrderPlacement(
            PriceCache prices,
            PortfolioStore portfolios,
            OrderStore orders,
            OrderPublisher publisher,
            DependencyCalls calls,
            AcceptanceRules rules,
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
     * @return the acceptance the order would get, at the price it was validated against
     * @throws OrderRefusedException the rules refuse the order; nothing changed
     * @throws ApiException an unknown symbol, or a store that did not answer; nothing changed
     */
    public Acceptance validate(String userId, OrderRequest request, String orderId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LatestPrice price = calls.read(REDIS, () -> prices.latest(request.symbol()))
                .orElseThrow(
                        () -> new ApiException(ErrorCode.UNKNOWN_SYMBOL, "No price is known for " + request.symbol()));
        rules.requireFreshPrice(price, now);
        Portfolio portfolio = calls.read(DYNAMODB, () -> portfolios.find(userId, Consistency.STRONG))
                .orElseGet(() -> calls.write(DYNAMODB, () -> portfolios.provision(userId, startingCash)));
        rules.requireCoverage(portfolio, request.side(), request.symbol(), request.quantity(), price);
        return new Acceptance(
                orderId, userId, request.symbol(), request.side(), request.quantity(), now, price.price());
    }

    /**
     * Publishes the accepted order (the same event for the same acceptance, so a republished order is recognisably
     * the same) and records it.
     *
     * @param publishTimeout how long to wait for Kafka's acknowledgement
     * @throws OrderStatusUnknownException Kafka did not confirm and the order could not be withdrawn either
     */
    public Queuing queue(Acceptance acceptance, Duration publishTimeout) {
        TradeOrderPayload payload = new TradeOrderPayload(
                acceptance.orderId(),
                acceptance.userId(),
                acceptance.symbol(),
                acceptance.quantity(),
                acceptance.side(),
                acceptance.acceptedAt());
        EventEnvelope<TradeOrderPayload> event = Topics.TRADE_ORDERS.newEventWithId(
                Topics.TRADE_ORDERS.eventIdOf(acceptance.orderId()), SOURCE, payload, traceContext.get());
        try {
            calls.write(KAFKA, () -> publisher.publish(event, publishTimeout));
        } catch (ApiException notConfirmed) {
            return settleUnconfirmed(acceptance, notConfirmed);
        }
        if (!record(acceptance)) {
            // Another attempt of the same keyed order gave up on it and withdrew it between this attempt's look at
            // the record and its publication: the execution job skips a withdrawn order, so it will never execute.
            LOG.warn("order {} was withdrawn by another attempt before it was recorded", acceptance.orderId());
            return Queuing.WITHDRAWN;
        }
        LOG.info(
                "accepted {} {} {} at {}",
                acceptance.side(),
                acceptance.quantity(),
                acceptance.symbol(),
                acceptance.validationPrice());
        return Queuing.QUEUED;
    }

    /** The order's recorded status, if any record exists (accepted, decided or withdrawn). */
    public Optional<OrderStatus> recordedStatus(String orderId) {
        return calls.read(DYNAMODB, () -> orders.find(orderId)).map(OrderRecord::status);
    }

    private Queuing settleUnconfirmed(Acceptance acceptance, ApiException notConfirmed) {
        boolean withdrawn;
        try {
            withdrawn = calls.write(
                    DYNAMODB,
                    () -> orders.withdraw(
                            acceptance.orderId(),
                            acceptance.userId(),
                            acceptance.symbol(),
                            acceptance.side(),
                            acceptance.quantity(),
                            clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        } catch (ApiException storeUnavailable) {
            LOG.error(
                    "order {} may be queued: Kafka did not confirm it and it could not be withdrawn",
                    acceptance.orderId(),
                    storeUnavailable);
            throw new OrderStatusUnknownException(acceptance.orderId(), storeUnavailable);
        }
        if (withdrawn) {
            LOG.warn("order {} withdrawn: Kafka did not confirm it", acceptance.orderId(), notConfirmed);
            return Queuing.WITHDRAWN;
        }
        LOG.info("order {} was not confirmed by Kafka but is recorded already: it is queued", acceptance.orderId());
        return Queuing.QUEUED;
    }

    /** Records the queued order; false when the order's record says WITHDRAWN already. */
    private boolean record(Acceptance acceptance) {
        OrderRecord record = acceptance.record();
        try {
            return calls.write(DYNAMODB, () -> orders.recordAccepted(record))
                    || recordedStatus(acceptance.orderId())
                            .filter(OrderStatus.WITHDRAWN::equals)
                            .isEmpty();
        } catch (ApiException recordNotWritten) {
            LOG.warn(
                    "order {} is queued but its ACCEPTED record was not written; the execution job will write it",
                    acceptance.orderId(),
                    recordNotWritten);
            return true;
        }
    }
}
