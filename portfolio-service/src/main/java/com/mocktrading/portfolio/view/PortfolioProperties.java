package com.mocktrading.portfolio.view;

import com.mocktrading.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How portfolios are provisioned.
 *
 * @param startingCash a new user's cash, at most 2 decimals (quote it in YAML: an unquoted {@code 100000.00}
 *     is read as a binary floating point number first)
 */
@ConfigurationProperties("mocktrading.portfolio")
public record PortfolioProperties(BigDecimal startingCash) {

    public PortfolioProperties {
        startingCash = Money.cash(Objects.requireNonNull(startingCash, "set mocktrading.portfolio.starting-cash"));
        if (startingCash.signum() < 0) {
            throw new IllegalArgumentException("mocktrading.portfolio.starting-cash must not be negative");
        }
    }
}
