package com.mocktrading.marketdata.websocket;

import static com.mocktrading.marketdata.support.MarketDataTestSupport.WAIT;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.connect;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.isType;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.json;
import static com.mocktrading.marketdata.support.MarketDataTestSupport.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.events.universe.Listing;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.localstack.websocket.WebSocketTestClient;
import com.mocktrading.marketdata.support.MarketDataTestSupport;
import com.mocktrading.marketdata.support.RunningMarketDataService;
import com.mocktrading.platform.TestTokens;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bad frames get error frames and change nothing; the connection stays open; tokens are required. */
class MarketDataProtocolIntegrationTest extends RunningMarketDataService {

    private static final List<String> SYMBOLS =
            SymbolUniverse.of(1000, 0).stream().map(Listing::symbol).toList();

    @Test
    void answersEveryKindOfBadFrameWithAnErrorFrameAndKeepsTheConnection() throws Exception {
        String user = newUser();
        try (WebSocketTestClient client = connect(port, user)) {
            assertError(client, "not json", "BAD_FRAME");
            assertError(client, "[1,2]", "BAD_FRAME");
            assertError(client, "{\"topics\":[\"prices:ACME\"]}", "BAD_FRAME");
            assertError(client, "{\"type\":\"buy\"}", "UNKNOWN_TYPE");
            assertError(client, "{\"type\":\"subscribe\"}", "BAD_FRAME");
            assertError(client, "{\"type\":\"subscribe\",\"topics\":[]}", "BAD_FRAME");
            assertError(client, "{\"type\":\"subscribe\",\"topics\":[42]}", "BAD_FRAME");
            assertError(client, "{\"type\":\"subscribe\",\"topics\":[\"prices:NOPE\"]}", "UNKNOWN_TOPIC");
            assertError(client, "{\"type\":\"subscribe\",\"topics\":[\"orders:someone-else\"]}", "UNKNOWN_TOPIC");
            // One bad topic refuses the whole frame: the good one is not subscribed either.
            assertError(client, "{\"type\":\"subscribe\",\"topics\":[\"prices:ACME\",\"trades\"]}", "UNKNOWN_TOPIC");
            assertError(client, subscribeTo(201), "TOO_MANY_TOPICS");
            assertError(client, subscribeTo(10_000), "FRAME_TOO_LARGE");
            // Nothing of a refused frame was subscribed: a whole allowance of topics none of them named still fits.
            assertThat(SYMBOLS.subList(201, 401)).doesNotContain("ACME");
            client.send(subscribeTo(201, 200));
            client.await(frame -> isType(frame, "subscribed"), WAIT);

            client.send("{\"type\":\"ping\"}");
            client.await(frame -> isType(frame, "pong"), WAIT);
        }
    }

    @Test
    void limitsTheTopicsAConnectionHoldsAcrossFrames() throws Exception {
        String user = newUser();
        try (WebSocketTestClient client = connect(port, user)) {
            client.send(subscribeTo(150));
            client.await(frame -> isType(frame, "subscribed"), WAIT);

            assertError(client, subscribeTo(150, 60), "TOO_MANY_TOPICS");
            // The refused frame held nothing: 50 topics it did not name take the connection to its 200.
            client.send(subscribeTo(210, 50));
            client.await(frame -> isType(frame, "subscribed"), WAIT);

            client.send(subscribeTo(0, 100)); // all held already: nothing new to count
            client.await(frame -> isType(frame, "subscribed"), WAIT);
            assertError(client, subscribeTo(260, 1), "TOO_MANY_TOPICS");
        }
    }

    @Test
    void answersBinaryFramesWithAnErrorFrame() throws Exception {
        String user = newUser();
        var frames = new java.util.concurrent.LinkedBlockingQueue<String>();
        var socket = java.net.http.HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(MarketDataTestSupport.marketData(port, user), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(
                            java.net.http.WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        try {
            socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
            String error = frames.poll(30, TimeUnit.SECONDS);
            assertThat(json(error).path("code").asString()).isEqualTo("BAD_FRAME");
        } finally {
            socket.abort();
        }
    }

    @Test
    void refusesHandshakesWithoutAValidToken() {
        URI noToken = URI.create("ws://localhost:" + port + "/marketdata");
        URI forged = URI.create("ws://localhost:" + port + "/marketdata?access_token=eyJhbGciOiJub25lIn0.e30.");
        URI expired = URI.create("ws://localhost:" + port + "/marketdata?access_token="
                + TestTokens.ISSUER.issue("late-user", Duration.ofSeconds(-120)));

        for (URI uri : new URI[] {noToken, forged, expired}) {
            assertThatThrownBy(() -> WebSocketTestClient.tryConnect(uri).get(10, TimeUnit.SECONDS))
                    .hasStackTraceContaining("401");
        }
    }

    @Test
    void closesASessionWhenItsTokenExpires() throws Exception {
        // Long enough to see the session work on a slow machine (exp has whole seconds), short enough to wait for.
        URI shortLived = URI.create("ws://localhost:" + port + "/marketdata?access_token="
                + TestTokens.ISSUER.issue(newUser(), Duration.ofSeconds(6)));

        try (WebSocketTestClient client = WebSocketTestClient.connect(shortLived)) {
            client.send("{\"type\":\"ping\"}");
            client.await(frame -> isType(frame, "pong"), WAIT);

            assertThat(client.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void refusesAUsersConnectionsBeyondTheCapAndNoOneElses() throws Exception {
        String greedy = newUser();
        List<WebSocketTestClient> held =
                IntStream.range(0, 10).mapToObj(i -> connect(port, greedy)).toList();
        try {
            for (WebSocketTestClient client : held) {
                client.send("{\"type\":\"ping\"}");
                client.await(frame -> isType(frame, "pong"), WAIT);
            }

            try (WebSocketTestClient eleventh = connect(port, greedy);
                    WebSocketTestClient someoneElse = connect(port, newUser())) {
                assertThat(eleventh.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
                someoneElse.send("{\"type\":\"ping\"}");
                assertThat(someoneElse.await(frame -> isType(frame, "pong"), WAIT))
                        .isNotNull();
            }
        } finally {
            held.forEach(WebSocketTestClient::close);
        }
    }

    @Test
    void acceptsTheQueryTokenOnlyOnTheWebSocketPath() {
        String token = TestTokens.ISSUER.issue(newUser());

        var response = MarketDataTestSupport.get(port, "/symbols?access_token=" + token, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body()).path("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    private static void assertError(WebSocketTestClient client, String frame, String code) throws Exception {
        client.send(frame);
        String error = client.await(received -> isType(received, "error"), WAIT);
        assertThat(json(error).path("code").asString())
                .as(frame.length() > 80 ? "long frame" : frame)
                .isEqualTo(code);
        assertThat(json(error).path("message").asString()).isNotBlank();
    }

    private static String subscribeTo(int count) {
        return subscribeTo(0, count);
    }

    /** {@code count} topics of the universe's symbols from index {@code from} on (repeating past its end). */
    private static String subscribeTo(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> "\"prices:" + SYMBOLS.get(i % SYMBOLS.size()) + "\"")
                .collect(Collectors.joining(",", "{\"type\":\"subscribe\",\"topics\":[", "]}"));
    }
}
