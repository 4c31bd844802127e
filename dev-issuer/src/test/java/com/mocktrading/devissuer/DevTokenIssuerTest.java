package com.mocktrading.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
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

    private static RSAPublicKey publicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
