package com.mocktrading.gateway.devtoken;

import com.mocktrading.devissuer.DevTokenIssuer;
import com.mocktrading.events.UserIds;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/dev/token {"userId":"alice"}}: a token for anyone, which is why it exists only locally. */
@RestController
@Profile("local")
class DevTokenController {

    private final DevTokenIssuer issuer;
    private final Duration lifetime;

    DevTokenController(DevTokenIssuer issuer, @Value("${mocktrading.dev-token.lifetime:12h}") Duration lifetime) {
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    @PostMapping("/v1/dev/token")
    Map<String, String> token(@RequestBody(required = false) Map<String, Object> body) {
        Object userId = body == null ? null : body.get("userId");
        if (!(userId instanceof String user) || !UserIds.isValid(user)) {
            throw ApiException.validation(
                    List.of(new FieldError("userId", "1 to 64 characters: letters, digits, '.', '_', '@', '-'")));
        }
        DevTokenIssuer.DevToken token = issuer.token(user, lifetime);
        return Map.of("token", token.token(), "expiresAt", token.expiresAt().toString());
    }
}
