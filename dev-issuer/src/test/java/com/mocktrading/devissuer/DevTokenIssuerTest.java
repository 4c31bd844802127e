package com.mocktrading.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenIssuerTest {

    @TempDir
    Path directory;

    @Test
    void keepsOneKeyPairInItsDirectoryWhoseTokensThePublishedPublicKeyVerifies() throws Exception {
        DevIssuerCommand.main(new String[] {directory.toString()});
        String key = Files.readString(directory.resolve("signing-key.jwk.json"));

        String token = DevTokenIssuer.loadOrCreate(directory).issue("alice");

        assertThat(Files.readString(directory.resolve("signing-key.jwk.json"))).isEqualTo(key);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(publicKey(directory.resolve("public.pem")))))
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevTokenIssuer.ISSUER);
    }

    @Test
    void signsWithAGivenPrivateKeyTheIssuerAndAudienceTheServicesAreToldToTrust() throws Exception {
        DevTokenIssuer.loadOrCreate(directory);
        RSAKey key = RSAKey.parse(Files.readString(directory.resolve("signing-key.jwk.json")));

        Instant before = Instant.now();
        DevTokenIssuer.DevToken token = DevTokenIssuer.of(key)
                .issuing("https://issuer.example", "trading")
                .token("bob", Duration.ofMinutes(5));

        SignedJWT jwt = SignedJWT.parse(token.token());
        assertThat(jwt.verify(new RSASSAVerifier(publicKey(directory.resolve("public.pem")))))
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://issuer.example");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("trading");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond())
                .isEqualTo(token.expiresAt().getEpochSecond());
        assertThat(token.expiresAt())
                .isBetween(before.plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
    }

    @Test
    void refusesAKeyWithoutItsPrivateHalf() throws Exception {
        DevTokenIssuer.loadOrCreate(directory);
        RSAKey publicOnly = RSAKey.parse(Files.readString(directory.resolve("signing-key.jwk.json")))
                .toPublicJWK();

        assertThatThrownBy(() -> DevTokenIssuer.of(publicOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not private");
    }

    private static RSAPublicKey publicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
