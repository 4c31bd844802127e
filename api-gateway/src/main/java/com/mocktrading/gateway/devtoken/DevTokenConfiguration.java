package com.mocktrading.gateway.devtoken;

import com.mocktrading.platform.security.JwtProperties;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

/** The development token endpoint, local profile only: without it, {@code /v1/dev/token} is a plain 404. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class DevTokenConfiguration {

    /** @param keyLocation the local issuer's RSA key as a private JWK (the local run keeps it in its data) */
    @Bean
    DevTokenSigner devTokenSigner(
            @Value("${mocktrading.dev-token.key-location}") Resource keyLocation,
            JwtProperties trusted,
            @Value("${mocktrading.dev-token.lifetime:12h}") Duration lifetime)
            throws IOException, ParseException {
        try (InputStream in = keyLocation.getInputStream()) {
            RSAKey key = RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException(keyLocation + " holds no private key");
            }
            return new DevTokenSigner(key, trusted.issuer(), trusted.audience(), lifetime, Clock.systemUTC());
        }
    }
}
