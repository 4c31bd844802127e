package com.mocktrading.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.devissuer.DevTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class JwtPropertiesTest {

    @Test
    void theDevelopmentIssuersTokensCarryTheAudienceTheServicesRequireByDefault() {
        JwtProperties defaults = new JwtProperties(null, new ByteArrayResource(new byte[0]), "issuer", null, null);

        assertThat(defaults.audience()).isEqualTo(DevTokenIssuer.AUDIENCE);
    }
}
