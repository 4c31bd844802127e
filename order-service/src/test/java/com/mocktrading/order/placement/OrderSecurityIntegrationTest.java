package com.mocktrading.order.placement;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static com.mocktrading.order.support.OrderServiceTestSupport.send;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.order.support.OrderServiceTestSupport;
import com.mocktrading.platform.TestTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderSecurityIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
    }

    @Test
    void refusesEveryTokenThatIsNotAValidOneFromTheTrustedIssuer() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1.00");
        Instant now = Instant.now();
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("missing", null);
        authorizations.put("not a bearer", "Basic dXNlcjpwYXNz");
        authorizations.put("garbage", "Bearer not-a-jwt");
        authorizations.put("expired", "Bearer " + TestTokens.ISSUER.issue(user, Duration.ofMinutes(-5)));
        authorizations.put("forged", "Bearer " + DevTokenIssuer.generate().issue(user));
        authorizations.put("alg none", "Bearer " + unsigned(user, now));
        authorizations.put(
                "wrong issuer",
                "Bearer "
                        + TestTokens.ISSUER.sign(DevTokenIssuer.claims(user, now, now.plusSeconds(600))
                                .issuer("https://evil.example")
                                .build()));
        authorizations.put(
                "another audience",
                "Bearer "
                        + TestTokens.ISSUER.sign(DevTokenIssuer.claims(user, now, now.plusSeconds(600))
                                .audience("some-other-api")
                                .build()));
        authorizations.put(
                "no audience",
                "Bearer "
                        + TestTokens.ISSUER.sign(DevTokenIssuer.claims(user, now, now.plusSeconds(600))
                                .audience((String) null)
                                .build()));
        authorizations.put(
                "no expiry",
                "Bearer "
                        + TestTokens.ISSUER.sign(DevTokenIssuer.claims(user, now, now.plusSeconds(600))
                                .expirationTime(null)
                                .build()));
        authorizations.put("bad subject", "Bearer " + TestTokens.ISSUER.issue("alice\"; DROP", Duration.ofMinutes(5)));
        authorizations.put(
                "no subject",
                "Bearer "
                        + TestTokens.ISSUER.sign(new JWTClaimsSet.Builder()
                                .issuer(DevTokenIssuer.ISSUER)
                                .audience(DevTokenIssuer.AUDIENCE)
                                .expirationTime(java.util.Date.from(now.plusSeconds(600)))
                                .build()));

        authorizations.forEach((kind, authorization) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order(symbol, "BUY", 1)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            assertProblem(send(request.build()), 401, "UNAUTHENTICATED");
        });
        assertThat(publishedOrdersOf(user)).isEmpty();
    }

    private static String unsigned(String user, Instant now) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(DevTokenIssuer.claims(user, now, now.plusSeconds(600))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
