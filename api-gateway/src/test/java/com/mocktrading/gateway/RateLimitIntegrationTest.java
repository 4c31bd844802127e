package com.mocktrading.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.gateway.support.RecordingUpstream;
import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.platform.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Per-user token buckets in the real Redis: a burst of 5 then 1 request every 2 s. Also: a gateway whose Redis is
 * unreachable keeps serving, and keeps limiting each user, with the buckets in its own memory.
 */
class RateLimitIntegrationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final RecordingUpstream UPSTREAM = RecordingUpstream.start();
    private static final ConfigurableApplicationContext LIMITED =
            gateway(SharedServers.redis().uri());
    private static final ConfigurableApplicationContext NO_REDIS = gateway("redis://127.0.0.1:" + FreePorts.next());
    /** Its own Redis database, so its small per-address bucket is not the one the other gateways use. */
    private static final ConfigurableApplicationContext ADDRESS_LIMITED = gateway(
            SharedServers.redis().uri() + "/1",
            "--mocktrading.gateway.rate-limit.per-address-capacity=3",
            "--mocktrading.gateway.rate-limit.per-address-refill-per-second=0.5");

    @AfterAll
    static void stop() {
        LIMITED.close();
        NO_REDIS.close();
        ADDRESS_LIMITED.close();
        UPSTREAM.close();
    }

    @Test
    void refusesABurstBeyondTheBucketWithA429ProblemAndTellsWhenToRetry() throws Exception {
        String user = "flood-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> allowed = get(LIMITED, user);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
            assertThat(allowed.headers().firstValue("X-RateLimit-Reset")).isPresent();
        }

        HttpResponse<String> refused = get(LIMITED, user);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 2L);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(get(LIMITED, "someone-else-" + UUID.randomUUID()).statusCode())
                .as("another user's budget is untouched")
                .isEqualTo(200);
    }

    @Test
    void limitsRequestsWithoutAValidTokenPerAddressAndTheir401sCarryTheHeaders() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> unauthenticated = send(ADDRESS_LIMITED, "Bearer forged." + i);
            assertThat(unauthenticated.statusCode()).isEqualTo(401);
            assertThat(unauthenticated.headers().firstValue("X-RateLimit-Limit"))
                    .hasValue("3");
            assertThat(unauthenticated.headers().firstValue("X-RateLimit-Remaining"))
                    .hasValue(Integer.toString(2 - i));
            assertThat(unauthenticated.headers().firstValue("X-RateLimit-Reset"))
                    .isPresent();
        }

        HttpResponse<String> flood = send(ADDRESS_LIMITED, null);

        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(flood.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(flood.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void keepsServingAndLimitingEachUserInItsOwnMemoryWhenRedisIsUnreachable() throws Exception {
        String heavy = "no-redis-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> served = get(NO_REDIS, heavy);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
        }
        HttpResponse<String> limited = get(NO_REDIS, heavy);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // Nobody else pays for the heavy user.
        assertThat(get(NO_REDIS, "no-redis-other-" + UUID.randomUUID()).statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext gateway, String user) throws Exception {
        return send(gateway, TestTokens.bearer(user));
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext gateway, String authorization)
            throws Exception {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orders"))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext gateway(String redisUri, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + FreePorts.next(),
                "--mocktrading.gateway.order-service=" + UPSTREAM.url(),
                "--mocktrading.gateway.rate-limit.redis-uri=" + redisUri,
                "--mocktrading.gateway.rate-limit.capacity=5",
                "--mocktrading.gateway.rate-limit.refill-per-second=0.5",
                // Checked once at start: this JVM runs several gateways, and the first one to stop disposes the
                // network resources they share, which waits for health checks still running in the others.
                "--spring.cloud.loadbalancer.health-check.interval=1h",
                "--mocktrading.security.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--mocktrading.security.jwt.issuer=" + DevTokenIssuer.ISSUER));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments.toArray(String[]::new));
    }
}
