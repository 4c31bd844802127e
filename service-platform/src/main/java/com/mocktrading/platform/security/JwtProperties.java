package com.mocktrading.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which tokens a service trusts. Production names the identity provider's JWKS URL; the local run and tests
 * name the development issuer's public key file. Only RS256 is accepted, so {@code alg: none} and
 * HMAC-with-the-public-key tricks fail before any claim is read.
 *
 * @param jwkSetUri the issuer's JWKS endpoint (production)
 * @param publicKeyLocation an RSA public key in PEM (local run, tests); used when no JWKS URL is set
 * @param issuer the required {@code iss} claim
 * @param audience what the {@code aud} claim must contain: a token minted for another API is refused here
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 */
@ConfigurationProperties("mocktrading.security.jwt")
public record JwtProperties(
        String jwkSetUri, Resource publicKeyLocation, String issuer, String audience, Duration clockSkew) {

    /** The audience of this system's tokens unless configured otherwise. */
    public static final String DEFAULT_AUDIENCE = "mock-trading";

    public JwtProperties {
        if ((jwkSetUri == null || jwkSetUri.isBlank()) && publicKeyLocation == null) {
            throw new IllegalArgumentException(
                    "set mocktrading.security.jwt.jwk-set-uri (production) or .public-key-location (local)");
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("set mocktrading.security.jwt.issuer");
        }
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }
}
