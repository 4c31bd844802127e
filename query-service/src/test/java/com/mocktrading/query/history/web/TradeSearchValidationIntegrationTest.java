package com.mocktrading.query.history.web;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static com.mocktrading.query.support.QueryHttp.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.platform.TestTokens;
import com.mocktrading.query.support.AgainstRealStores;
import com.mocktrading.query.support.Trades;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every malformed parameter of the history search is a 400 naming it, before Elasticsearch is asked anything. */
class TradeSearchValidationIntegrationTest extends AgainstRealStores {

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("size", "0"),
                Arguments.of("size", "501"),
                Arguments.of("size", "10000"),
                Arguments.of("size", "-1"),
                Arguments.of("size", "ten"),
                Arguments.of("size", "5.0"),
                Arguments.of("size", ""),
                Arguments.of("side", "buy"),
                Arguments.of("side", "HOLD"),
                Arguments.of("status", "ACCEPTED"),
                Arguments.of("status", "executed"),
                Arguments.of("symbol", "acme"),
                Arguments.of("symbol", "ELEVENCHARS"),
                Arguments.of("symbol", "A B"),
                Arguments.of("symbol", "A' OR 1=1"),
                Arguments.of("symbol", "*"),
                Arguments.of("symbol", ""),
                Arguments.of("from", "yesterday"),
                Arguments.of("from", "2026-13-01T00:00:00Z"),
                Arguments.of("from", "2026-11-24"),
                Arguments.of("to", "2026-11-24T00:00:00.000001Z"),
                Arguments.of("to", "+100000-01-01T00:00:00Z"),
                Arguments.of("cursor", "garbage!"),
                Arguments.of("cursor", "bm90IGpzb24"),
                Arguments.of("cursor", base64("{\"v\":2,\"t\":0,\"id\":\"e\",\"f\":\"x\"}")),
                Arguments.of("cursor", base64("{\"v\":1,\"t\":\"soon\",\"id\":\"e\",\"f\":\"x\"}")),
                Arguments.of("cursor", base64("{\"v\":1,\"t\":1,\"id\":\"e\",\"f\":\"tampered\"}")),
                Arguments.of("cursor", "A".repeat(2000)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badParameters")
    void refusesAMalformedParameterNamingIt(String name, String value) throws Exception {
        JsonNode problem = assertProblem(
                http().get("/trades/search", params(name, value), TestTokens.bearer(Trades.newUserId())),
                400,
                "VALIDATION_FAILED");

        assertThat(fields(problem)).containsExactly(name);
    }

    @ParameterizedTest(name = "from={0}, to={1}")
    @MethodSource("reversedRanges")
    void refusesARangeThatEndsBeforeItStarts(String from, String to) throws Exception {
        JsonNode problem = assertProblem(
                http().get("/trades/search", params("from", from, "to", to), TestTokens.bearer(Trades.newUserId())),
                400,
                "VALIDATION_FAILED");

        assertThat(fields(problem)).containsExactly("from");
    }

    static Stream<Arguments> reversedRanges() {
        return Stream.of(
                Arguments.of("2026-11-24T00:00:00.001Z", "2026-11-24T00:00:00.000Z"),
                Arguments.of("2026-11-24T01:00:00+00:00", "2026-11-24T01:30:00+01:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validButUnusual")
    void acceptsWellFormedValuesAtTheEdges(String name, String value) throws Exception {
        assertThat(http().get("/trades/search", params(name, value), TestTokens.bearer(Trades.newUserId()))
                        .statusCode())
                .isEqualTo(200);
    }

    static Stream<Arguments> validButUnusual() {
        return Stream.of(
                Arguments.of("size", "1"),
                Arguments.of("size", "500"),
                Arguments.of("symbol", "BRK.B"),
                Arguments.of("from", "2026-11-24T03:00:00+01:00"),
                Arguments.of("status", "FAILED_PRICE_UNAVAILABLE"));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
