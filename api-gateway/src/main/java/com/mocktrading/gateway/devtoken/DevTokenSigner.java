package com.mocktrading.gateway.devtoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs local development tokens (RS256) with the local issuer's private key, the one whose public half the
 * services trust in the local run. Never part of a production deployment: the bean exists only in the local
 * profile.
 */
final class DevTokenSigner {

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    DevTokenSigner(RSAKey key, String issuer, String audience, Duration lifetime, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    DevToken issue(String userId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the development key", e);
        }
        return new DevToken(token.serialize(), expiresAt);
    }

    record DevToken(String token, Instant expiresAt) {}
}
