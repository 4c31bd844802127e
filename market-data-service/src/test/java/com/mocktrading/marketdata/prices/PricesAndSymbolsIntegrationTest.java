package com.mocktrading.marketdata.prices;

import static com.mocktrading.marketdata.support.MarketDataTestSupport.get;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.json;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.newUser;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.marketdata.support.MarketDataTestSupport;
import com.mocktrading.marketdata.support.RunningMarketDataService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PricesAndSymbolsIntegrationTest extends RunningMarketDataService {

    @Autowired
    PriceCache cache;

    @Test
    void listsTheWholeUniverseWithNames() {
        HttpResponse<String> response = get(port, "/symbols", newUser());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode symbols = json(response.body());
        assertThat(symbols.size()).isEqualTo(1000);
        assertThat(symbols.get(0).path("symbol").asString()).isEqualTo("ACME");
        assertThat(symbols.get(0).path("name").asString()).isEqualTo("Acme Corporation");
    }

    @Test
    void answersOneOrManyCachedPrices() {
        Instant at = Instant.parse("2026-11-24T03:00:00.123Z");
        cache.update(new LatestPrice("SX", new BigDecimal("10.5"), at));
        cache.update(new LatestPrice("SY", new BigDecimal("0.0001"), at));

        HttpResponse<String> one = get(port, "/prices/SX", newUser());
        HttpResponse<String> many = get(port, "/prices?symbols=SX,SY,SW", newUser());

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one.body()).toString())
                .isEqualTo("{\"symbol\":\"SX\",\"price\":\"10.50\",\"feedTimestamp\":\"2026-11-24T03:00:00.123Z\"}");
        assertThat(one.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(many.statusCode()).isEqualTo(200);
        assertThat(json(many.body()).findValuesAsString("symbol")).containsExactly("SX", "SY");
        assertThat(json(many.body()).get(1).path("price").asString()).isEqualTo("0.0001");
    }

    @Test
    void refusesUnknownSymbolsAndBadListsWithProblems() {
        assertProblem(get(port, "/prices/NOPE", newUser()), 404, "NOT_FOUND");
        assertProblem(get(port, "/prices?symbols=ACME,NOPE", newUser()), 422, "UNKNOWN_SYMBOL");
        assertProblem(get(port, "/prices", newUser()), 400, "VALIDATION_FAILED");
        assertProblem(get(port, "/prices?symbols=ACME,,BOLT", newUser()), 400, "VALIDATION_FAILED");
        String tooMany = SymbolUniverse.of(101, 0).stream().map(Listing::symbol).collect(Collectors.joining(","));
        assertProblem(get(port, "/prices?symbols=" + tooMany, newUser()), 400, "VALIDATION_FAILED");
        assertProblem(get(port, "/prices/ACME", null), 401, "UNAUTHENTICATED");
        assertProblem(get(port, "/no/such/path", newUser()), 404, "NOT_FOUND");
    }

    @Test
    void aTickDatedInTheFutureIsRefusedSoLaterRealTicksStillCount() throws Exception {
        String symbol = "FUT" + ThreadLocalRandom.current().nextInt(1_000_000);
        String kafka = SharedServers.kafka().bootstrapServers();

        MarketDataTestSupport.publishPrice(
                kafka, symbol, "999.00", Instant.now().plus(Duration.ofHours(6)));
        MarketDataTestSupport.publishPrice(kafka, symbol, "10.00", Instant.now());

        MarketDataTestSupport.awaitUntil(
                MarketDataTestSupport.WAIT, "the real tick is the cached price", () -> cache.latest(symbol)
                        .map(price -> price.price().compareTo(new BigDecimal("10.00")) == 0)
                        .orElse(false));
    }

    @Test
    void saysWhenAListedSymbolHasNoPriceYet() {
        assertProblem(get(port, "/prices/SZZ", newUser()), 503, "PRICE_UNAVAILABLE");
    }
}
