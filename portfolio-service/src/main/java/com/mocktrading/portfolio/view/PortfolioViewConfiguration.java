package com.mocktrading.portfolio.view;

import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.warmup.WarmUpStep;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the portfolio view to the stores the service platform configures. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortfolioProperties.class)
class PortfolioViewConfiguration {

    @Bean
    PortfolioView portfolioView(
            PortfolioStore portfolios, PriceCache prices, DependencyCalls calls, PortfolioProperties properties) {
        return new PortfolioView(portfolios, prices, calls, properties.startingCash());
    }

    /** The reads of a portfolio view, before the service reports ready. */
    @Bean
    WarmUpStep portfolioViewReads(PortfolioStore portfolios, PriceCache prices) {
        return () -> {
            portfolios.find("warm-up", PortfolioStore.Consistency.EVENTUAL);
            prices.latest("WARMUP");
        };
    }
}
