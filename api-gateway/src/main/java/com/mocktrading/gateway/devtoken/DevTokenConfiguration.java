package com.mocktrading.gateway.devtoken;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.platform.security.JwtProperties;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

/** The development token endpoint, local profile only: without it, {@code /v1/dev/token} is a plain 404. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class DevTokenConfiguration {

    /**
     * @param keyLocation the local issuer's RSA key as a private JWK (the local run keeps it in its data); its
     *     tokens name the issuer and audience the services trust
     */
    @Bean
    DevTokenIssuer devTokenIssuer(
            @Value("${mocktrading.dev-token.key-location}") Resource keyLocation, JwtProperties trusted)
            throws IOException, ParseException {
        try (InputStream in = keyLocation.getInputStream()) {
            return DevTokenIssuer.of(RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .issuing(trusted.issuer(), trusted.audience());
        }
    }
}
