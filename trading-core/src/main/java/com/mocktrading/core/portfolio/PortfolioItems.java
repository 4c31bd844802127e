package com.mocktrading.core.portfolio;

import static com.mocktrading.core.dynamodb.Attributes.decimal;
import static com.mocktrading.core.dynamodb.Attributes.instant;
import static com.mocktrading.core.dynamodb.Attributes.integer;
import static com.mocktrading.core.dynamodb.Attributes.number;
import static com.mocktrading.core.dynamodb.Attributes.string;

import com.mocktrading.domain.money.Money;
import com.mocktrading.domain.portfolio.Portfolio;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code Portfolios} item layout of the contract (spec 5.4), in both directions. */
public final class PortfolioItems {

    public static final String USER_ID = "userId";
    public static final String CASH_BALANCE = "cashBalance";
    public static final String HOLDINGS = "holdings";
    public static final String COST_BASIS = "costBasis";
    public static final String REALIZED_PNL = "realizedPnl";
    public static final String LAST_UPDATED = "lastUpdatedTimestamp";
    public static final String VERSION = "version";

    private PortfolioItems() {}

    public static Map<String, AttributeValue> toItem(Portfolio portfolio) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_ID, string(portfolio.userId()));
        item.put(CASH_BALANCE, number(portfolio.cashBalance()));
        item.put(HOLDINGS, numberMap(portfolio.holdings(), BigDecimal::valueOf));
        item.put(COST_BASIS, numberMap(portfolio.costBasis(), value -> value));
        item.put(REALIZED_PNL, number(portfolio.realizedPnl()));
        item.put(LAST_UPDATED, instant(portfolio.lastUpdatedTimestamp()));
        item.put(VERSION, number(portfolio.version()));
        return item;
    }

    public static Portfolio fromItem(Map<String, AttributeValue> item) {
        Map<String, Long> holdings = new HashMap<>();
        item.getOrDefault(HOLDINGS, AttributeValue.fromM(Map.of()))
                .m()
                .forEach((symbol, quantity) -> holdings.put(symbol, Long.parseLong(quantity.n())));
        Map<String, BigDecimal> costBasis = new HashMap<>();
        item.getOrDefault(COST_BASIS, AttributeValue.fromM(Map.of()))
                .m()
                .forEach((symbol, amount) -> costBasis.put(symbol, Money.cash(new BigDecimal(amount.n()))));
        return new Portfolio(
                string(item, USER_ID),
                decimal(item, CASH_BALANCE),
                holdings,
                costBasis,
                decimal(item, REALIZED_PNL),
                instant(item, LAST_UPDATED),
                integer(item, VERSION));
    }

    private static <V> AttributeValue numberMap(
            Map<String, V> values, java.util.function.Function<V, BigDecimal> asNumber) {
        Map<String, AttributeValue> map = new HashMap<>();
        values.forEach((key, value) -> map.put(key, number(asNumber.apply(value))));
        return AttributeValue.fromM(map);
    }
}
