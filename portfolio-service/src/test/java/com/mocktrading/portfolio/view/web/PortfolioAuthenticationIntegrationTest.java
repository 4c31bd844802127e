package com.mocktrading.portfolio.view.web;

import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.portfolio.PortfolioStore.Consistency;
import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.platform.TestTokens;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Only a valid token of the trusted issuer gets a portfolio; anything else is 401 and provisions nothing. */
class PortfolioAuthenticationIntegrationTest extends AgainstRealStores {

    @Autowired
    PortfolioStore portfolios;

    static Stream<Named<Function<String, String>>> invalidAuthorizations() {
        return Stream.of(
                Named.of("no Authorization header", user -> null),
                Named.of(
                        "a token that has expired",
                        user -> "Bearer " + TestTokens.ISSUER.issue(user, Duration.ofMinutes(-5))),
                Named.of(
                        "a token signed by another key",
                        user -> "Bearer " + DevTokenIssuer.generate().issue(user)),
                Named.of(
                        "an unsigned token (alg: none)",
                        user -> "Bearer "
                                + new PlainJWT(DevTokenIssuer.claims(
                                                        user,
                                                        Instant.now(),
                                                        Instant.now().plusSeconds(3600))
                                                .build())
                                        .serialize()),
                Named.of(
                        "a token of another issuer",
                        user -> "Bearer "
                                + TestTokens.ISSUER.sign(DevTokenIssuer.claims(
                                                user,
                                                Instant.now(),
                                                Instant.now().plusSeconds(3600))
                                        .issuer("https://issuer.example.com")
                                        .build())),
                Named.of("a malformed token", user -> "Bearer not-a-jwt"),
                Named.of("another scheme", user -> "Basic dXNlcjpwYXNz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAuthorizations")
    void rejectsRequestsWithoutAValidToken(Function<String, String> authorization) throws Exception {
        // Given a user who has never been seen, and a request that does not prove to be that user
        String user = newUserId();

        // When it asks for the user's portfolio
        HttpResponse<String> response = http().get(user, authorization.apply(user));

        // Then it is unauthenticated, and nothing was provisioned
        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(portfolios.find(user, Consistency.STRONG)).isEmpty();
    }
}
