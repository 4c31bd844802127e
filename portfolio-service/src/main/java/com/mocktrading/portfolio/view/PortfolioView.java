package com.mocktrading.portfolio.view;

import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.platform.dependency.Dependency;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's portfolio as the user sees it: provisioned on first sight, valued at the cached prices. DynamoDB is
 * required (without the portfolio there is nothing to show: 503); the price cache is not, because viewing a
 * portfolio must stay available when Redis is down (NFR3): the positions are then shown without prices.
 */
public class PortfolioView {

    private static final Logger LOG = LoggerFactory.getLogger(PortfolioView.class);

    private final PortfolioStore portfolios;
    private final PriceCache prices;
    private final DependencyCalls calls;
    private final BigDecimal startingCash;

    public PortfolioView(PortfolioStore portfolios, PriceCache prices, DependencyCalls calls, BigDecimal startingCash) {
        this.portfolios = portfolios;
        this.prices = prices;
        this.calls = calls;
        this.startingCash = startingCash;
    }

    public ValuedPortfolio of(String userId) {
        // Retried as a read although it may write: the write is a conditional put that only ever creates the
        // opening portfolio, so a retry can neither create a second one nor reset an existing one.
        Portfolio portfolio = calls.read(
                Dependency.DYNAMODB, () -> portfolios.findOrProvision(userId, startingCash, Consistency.EVENTUAL));
        return PortfolioValuation.value(portfolio, lastPrices(userId, PortfolioValuation.heldSymbols(portfolio)));
    }

    private Map<String, BigDecimal> lastPrices(String userId, Set<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, LatestPrice> latest = calls.read(Dependency.REDIS, () -> prices.latest(symbols));
            Map<String, BigDecimal> lastPrices = new HashMap<>();
            latest.forEach((symbol, price) -> lastPrices.put(symbol, price.price()));
            return lastPrices;
        } catch (ApiException e) {
            if (e.code() != ErrorCode.DEPENDENCY_UNAVAILABLE) {
                throw e;
            }
            LOG.warn("serving the portfolio of {} without prices: {}", userId, e.getMessage());
            return Map.of();
        }
    }
}
