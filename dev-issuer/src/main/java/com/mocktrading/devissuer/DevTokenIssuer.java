package com.mocktrading.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The local development token issuer: an RS256 key pair whose public half the services trust in the local
 * run and in tests (never in production, which trusts an external issuer's JWKS). Stands in for the identity
 * provider that the spec leaves out of scope.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "http://mock-trading.local/dev-issuer";
    /** The audience the services require by default (service-platform's JwtProperties). */
    public static final String AUDIENCE = "mock-trading";

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private final RSAKey key;
    private final String issuer;
    private final String audience;

    private DevTokenIssuer(RSAKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    private DevTokenIssuer(RSAKey key) {
        this(key, ISSUER, AUDIENCE);
    }

    /** An issuer signing with {@code key}, a private RSA JWK such as {@code signing-key.jwk.json}. */
    public static DevTokenIssuer of(RSAKey key) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("the development signing key " + key.getKeyID() + " is not private");
        }
        return new DevTokenIssuer(key);
    }

    /** This issuer's tokens naming {@code issuer} and {@code audience}: the ones the services are told to trust. */
    public DevTokenIssuer issuing(String issuer, String audience) {
        return new DevTokenIssuer(key, issuer, audience);
    }

    /** A fresh key pair held in memory only. */
    public static DevTokenIssuer generate() {
        try {
            return new DevTokenIssuer(new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The key pair kept in {@code directory} (created on first use), with {@code public.pem} beside it. */
    public static DevTokenIssuer loadOrCreate(Path directory) {
        Path keyFile = directory.resolve("signing-key.jwk.json");
        try {
            DevTokenIssuer issuer =
                    Files.exists(keyFile) ? new DevTokenIssuer(RSAKey.parse(Files.readString(keyFile))) : generate();
            if (!Files.exists(keyFile)) {
                Files.createDirectories(directory);
                Files.writeString(keyFile, issuer.key.toJSONString());
            }
            issuer.writePublicKeyPem(directory.resolve("public.pem"));
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development signing key in " + directory, e);
        } catch (ParseException e) {
            throw new IllegalStateException(keyFile + " is not an RSA JWK: delete it to get a new key", e);
        }
    }

    /** Writes the public key as PEM, the form services read from {@code public-key-location}. */
    public Path writePublicKeyPem(Path file) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code userId} valid for the default lifetime. */
    public String issue(String userId) {
        return issue(userId, DEFAULT_LIFETIME);
    }

    /** A token for {@code userId}; a negative lifetime gives an already expired token. */
    public String issue(String userId, Duration lifetime) {
        return token(userId, lifetime).token();
    }

    /** A token for {@code userId} valid for {@code lifetime} from now, with the moment it expires. */
    public DevToken token(String userId, Duration lifetime) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        return new DevToken(
                sign(claims(userId, issuer, audience, now, expiresAt).build()), expiresAt);
    }

    public record DevToken(String token, Instant expiresAt) {}

    /** Signs arbitrary claims with this key: for tests of what the services must reject. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The standard claims of a token for {@code userId}, to be adjusted by tests. */
    public static JWTClaimsSet.Builder claims(String userId, Instant issuedAt, Instant expiresAt) {
        return claims(userId, ISSUER, AUDIENCE, issuedAt, expiresAt);
    }

    private static JWTClaimsSet.Builder claims(
            String userId, String issuer, String audience, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt.minusSeconds(1)))
                .expirationTime(Date.from(expiresAt));
    }
}
