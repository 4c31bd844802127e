package com.mocktrading.platform.security;

import com.mocktrading.events.UserIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * Builds the RS256-only decoders (servlet and reactive) with issuer, audience, expiry and subject checks from
 * {@link JwtProperties}. A token must expire: one without {@code exp} would be valid forever.
 */
public final class JwtDecoders {

    private JwtDecoders() {}

    public static NimbusJwtDecoder create(JwtProperties properties) {
        NimbusJwtDecoder decoder =
                properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                        ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                                .jwsAlgorithm(SignatureAlgorithm.RS256)
                                .build()
                        : NimbusJwtDecoder.withPublicKey(readPublicKey(properties))
                                .signatureAlgorithm(SignatureAlgorithm.RS256)
                                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** The same rules for WebFlux services, which must not block their event loop on a JWKS fetch. */
    public static NimbusReactiveJwtDecoder createReactive(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder =
                properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                        ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                                .jwsAlgorithm(SignatureAlgorithm.RS256)
                                .build()
                        : NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(properties))
                                .signatureAlgorithm(SignatureAlgorithm.RS256)
                                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtDecoders::expires,
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                JwtDecoders::validSubject);
    }

    private static OAuth2TokenValidatorResult expires(Jwt jwt) {
        return jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "the token has no expiry (exp)", null));
    }

    private static OAuth2TokenValidatorResult validSubject(Jwt jwt) {
        String subject = jwt.getSubject();
        return UserIds.isValid(subject)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "the token's subject is not a valid user id", null));
    }

    private static RSAPublicKey readPublicKey(JwtProperties properties) {
        try (InputStream in = properties.publicKeyLocation().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties.publicKeyLocation(), e);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(properties.publicKeyLocation() + " is not an RSA public key in PEM", e);
        }
    }
}
