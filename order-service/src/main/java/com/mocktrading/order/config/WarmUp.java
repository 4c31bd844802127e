package com.mocktrading.order.config;

import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeOrderPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Opens the connections and walks the read paths of order placement before the service reports ready (readiness
 * follows the runners), so the first orders do not pay for connection set-up, Kafka metadata and a cold JIT and
 * answer slowly or fail. A store that is down here only delays nothing: the service starts and recovers by itself.
 */
class WarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final int ROUNDS = 20;
    private static final String NOBODY = "warm-up";

    private final KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> kafka;
    private final PortfolioStore portfolios;
    private final OrderStore orders;
    private final PriceCache prices;

    WarmUp(
            KafkaTemplate<String, EventEnvelope<TradeOrderPayload>> kafka,
            PortfolioStore portfolios,
            OrderStore orders,
            PriceCache prices) {
        this.kafka = kafka;
        this.portfolios = portfolios;
        this.orders = orders;
        this.prices = prices;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        try {
            kafka.partitionsFor(Topics.TRADE_ORDERS.name());
            for (int round = 0; round < ROUNDS; round++) {
                portfolios.find(NOBODY, Consistency.STRONG);
                orders.find(NOBODY);
                prices.latest("WARMUP");
            }
            LOG.info("warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException unavailable) {
            LOG.warn("warm-up incomplete, a dependency is unavailable: {}", unavailable.toString());
        }
    }
}
