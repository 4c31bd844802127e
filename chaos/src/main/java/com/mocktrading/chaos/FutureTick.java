package com.mocktrading.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.simulator.feed.MarketDataPublisher;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Clock skew at the feed: one tick of a traded symbol dated an hour ahead. Were it taken, the cache (which keeps
 * the newest price) would freeze the symbol for an hour; it must be refused and the symbol go on moving.
 */
final class FutureTick implements FaultInjection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal PLANTED = new BigDecimal("1.2345");

    private String symbol;

    @Override
    public void inject(ChaosStack stack) throws Exception {
        // The first symbol of the universe: one every workload trades.
        symbol = ScenarioRun.symbols(
                        stack.gateway(), stack.stack().devTokenIssuer().issue("chaos-feed"), 1)
                .get(0);
        try (MarketDataPublisher feed =
                new MarketDataPublisher(stack.endpoints().kafka())) {
            feed.accept(new MarketDataPayload(symbol, PLANTED, Instant.now().plus(Duration.ofHours(1))));
        }
    }

    @Override
    public List<String> verify(ChaosStack stack, ScenarioRun.Evidence evidence) throws Exception {
        String token = evidence.users().get(0).token();
        JsonNode first = price(evidence.gateway(), token);
        Thread.sleep(5_000);
        JsonNode later = price(evidence.gateway(), token);
        List<String> violations = new ArrayList<>();
        for (JsonNode seen : List.of(first, later)) {
            if (new BigDecimal(seen.get("price").asText()).compareTo(PLANTED) == 0
                    || Instant.parse(seen.get("feedTimestamp").asText())
                            .isAfter(Instant.now().plusSeconds(5))) {
                violations.add("the future tick was taken: " + symbol + " shows " + seen);
            }
        }
        if (first.get("feedTimestamp").equals(later.get("feedTimestamp"))) {
            violations.add(symbol + " stopped moving after the future tick: " + later);
        }
        return violations;
    }

    private JsonNode price(String gateway, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "/v1/prices/" + symbol))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
