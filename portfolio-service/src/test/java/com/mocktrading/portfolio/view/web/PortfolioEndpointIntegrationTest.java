package com.mocktrading.portfolio.view.web;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static com.mocktrading.portfolio.view.web.PortfolioHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.platform.TestTokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PortfolioEndpointIntegrationTest extends AgainstRealStores {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Autowired
    PortfolioStore portfolios;

    @Autowired
    PriceCache prices;

    @Test
    void provisionsANewUserWithTheStartingCashOnTheFirstRequest() throws Exception {
        // Given a user the system has never seen
        String user = newUserId();

        // When the user asks for the portfolio
        HttpResponse<String> response = http().get(user, TestTokens.bearer(user));

        // Then it exists, with the default starting cash and nothing else
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response.body());
        assertThat(body.path("lastUpdatedTimestamp").asString()).matches(ISO_MILLIS);
        assertThat(body)
                .isEqualTo(json(
                        """
                        {"userId":"%s","cashBalance":"100000.00","holdings":[],"holdingsValue":"0.00",
                         "totalValue":"100000.00","realizedPnl":"0.00","unrealizedPnl":"0.00",
                         "lastUpdatedTimestamp":"%s","version":0}
                        """
                                .formatted(
                                        user, body.path("lastUpdatedTimestamp").asString())));
        assertThat(portfolios.find(user, Consistency.STRONG))
                .hasValueSatisfying(stored -> assertThat(stored.cashBalance()).isEqualTo(new BigDecimal("100000.00")));

        // And asking again shows the same portfolio rather than a new one
        assertThat(http().get(user, TestTokens.bearer(user)).body()).isEqualTo(response.body());
    }

    @Test
    void provisionsExactlyOnceUnderConcurrentFirstRequests() throws Exception {
        // Given 16 first requests of one new user, released at the same moment
        String user = newUserId();
        String token = TestTokens.bearer(user);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return http().get(user, token);
            }));
        }

        // When they race
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            responses.add(call.get());
        }
        pool.shutdown();

        // Then every one of them saw the same single provisioning (same timestamp), and that is what is stored
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(responses)
                .extracting(HttpResponse::body)
                .containsOnly(responses.get(0).body());
        Portfolio stored = portfolios.find(user, Consistency.STRONG).orElseThrow();
        assertThat(json(responses.get(0).body()).path("lastUpdatedTimestamp").asString())
                .isEqualTo(Timestamps.format(stored.lastUpdatedTimestamp()));
        assertThat(stored.version()).isZero();
        assertThat(stored.cashBalance()).isEqualTo(new BigDecimal("100000.00"));
    }

    @Test
    void valuesASeededPortfolioAtTheCachedPricesExactly() throws Exception {
        // Given a portfolio with two positions, listed out of order, and a price for each in the cache
        String user = newUserId();
        String suffix = symbolSuffix();
        String acme = "A" + suffix;
        String bolt = "B" + suffix;
        seed(new Portfolio(
                user,
                new BigDecimal("2500.50"),
                Map.of(bolt, 3L, acme, 10L),
                Map.of(bolt, new BigDecimal("100.00"), acme, new BigDecimal("1234.50")),
                new BigDecimal("-10.25"),
                Instant.parse("2026-11-24T03:00:00.120Z"),
                4));
        prices.update(new LatestPrice(acme, new BigDecimal("130.1234"), Instant.now()));
        prices.update(new LatestPrice(bolt, new BigDecimal("30.5"), Instant.now()));

        // When the user asks for it
        HttpResponse<String> response = http().get(user, TestTokens.bearer(user));

        // Then 10 x 130.1234 = 1301.234 -> 1301.23 and 3 x 30.50 = 91.50, sorted by symbol, all as strings
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json(
                        """
                        {"userId":"%1$s","cashBalance":"2500.50","holdings":[
                          {"symbol":"%2$s","quantity":10,"averageCost":"123.45","costBasis":"1234.50",
                           "lastPrice":"130.1234","marketValue":"1301.23","unrealizedPnl":"66.73"},
                          {"symbol":"%3$s","quantity":3,"averageCost":"33.3333","costBasis":"100.00",
                           "lastPrice":"30.50","marketValue":"91.50","unrealizedPnl":"-8.50"}],
                         "holdingsValue":"1392.73","totalValue":"3893.23","realizedPnl":"-10.25",
                         "unrealizedPnl":"58.23","lastUpdatedTimestamp":"2026-11-24T03:00:00.120Z","version":4}
                        """
                                .formatted(user, acme, bolt)));
        // And the fields come in the contract's order
        assertThat(response.body()).startsWith("{\"userId\":").endsWith("\"version\":4}");
    }

    @Test
    void showsAPositionWithoutACachedPriceWithNullValues() throws Exception {
        // Given two positions of which only one has a cached price
        String user = newUserId();
        String suffix = symbolSuffix();
        String priced = "P" + suffix;
        String unpriced = "U" + suffix;
        seed(new Portfolio(
                user,
                new BigDecimal("100.00"),
                Map.of(priced, 2L, unpriced, 5L),
                Map.of(priced, new BigDecimal("20.00"), unpriced, new BigDecimal("55.55")),
                BigDecimal.ZERO,
                Instant.parse("2026-11-24T03:00:00.001Z"),
                2));
        prices.update(new LatestPrice(priced, new BigDecimal("11"), Instant.now()));

        // When the user asks for it
        HttpResponse<String> response = http().get(user, TestTokens.bearer(user));

        // Then the unpriced position is shown with null price, value and P&L, and the totals cover the rest
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()))
                .isEqualTo(json(
                        """
                        {"userId":"%1$s","cashBalance":"100.00","holdings":[
                          {"symbol":"%2$s","quantity":2,"averageCost":"10.00","costBasis":"20.00",
                           "lastPrice":"11.00","marketValue":"22.00","unrealizedPnl":"2.00"},
                          {"symbol":"%3$s","quantity":5,"averageCost":"11.11","costBasis":"55.55",
                           "lastPrice":null,"marketValue":null,"unrealizedPnl":null}],
                         "holdingsValue":"22.00","totalValue":"122.00","realizedPnl":"0.00",
                         "unrealizedPnl":"2.00","lastUpdatedTimestamp":"2026-11-24T03:00:00.001Z","version":2}
                        """
                                .formatted(user, priced, unpriced)));
    }

    @Test
    void refusesAnotherUsersPortfolioWithoutProvisioningIt() throws Exception {
        // Given a signed-in user and another user nobody has seen yet
        String caller = newUserId();
        String other = newUserId();

        // When the caller asks for the other user's portfolio
        HttpResponse<String> response = http().get(other, TestTokens.bearer(caller));

        // Then it is refused, and the other user's portfolio was not created as a side effect
        assertProblem(response, 403, "FORBIDDEN");
        assertThat(portfolios.find(other, Consistency.STRONG)).isEmpty();
    }

    private static String symbolSuffix() {
        // Symbols are 1-10 of [A-Z0-9.]: a letter chosen by the test plus 8 random hex digits.
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
