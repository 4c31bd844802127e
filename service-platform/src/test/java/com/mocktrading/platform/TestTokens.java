package com.mocktrading.platform;

import com.mocktrading.devissuer.DevTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' token issuer: one development key pair per test JVM, its public key in a temporary file that
 * the service under test trusts, exactly as the local run configures it.
 */
public final class TestTokens {

    public static final DevTokenIssuer ISSUER = DevTokenIssuer.generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {}

    /** Registers the JWT settings of a service under test. */
    public static void trustIn(DynamicPropertyRegistry registry) {
        registry.add(
                "mocktrading.security.jwt.public-key-location",
                () -> PUBLIC_KEY.toUri().toString());
        registry.add("mocktrading.security.jwt.issuer", () -> DevTokenIssuer.ISSUER);
    }

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    public static String issuer() {
        return DevTokenIssuer.ISSUER;
    }

    public static String bearer(String userId) {
        return "Bearer " + ISSUER.issue(userId);
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("dev-issuer-", ".pem");
            file.toFile().deleteOnExit();
            return ISSUER.writePublicKeyPem(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
