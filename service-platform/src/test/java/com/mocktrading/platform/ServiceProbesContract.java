package com.mocktrading.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every service promises operators from its first commit. A service's test extends this class and
 * boots the real application on a random port.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ServiceProbesContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Where the actuator answers: the management port of a service that has one (the gateway), else its port. */
    @Value("${local.management.port:${local.server.port}}")
    private int port;

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        TestTokens.trustIn(registry);
    }

    @Test
    void reportsLivenessUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void reportsReadinessUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() throws Exception {
        get("/actuator/health");

        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"");
    }

    @Test
    void hidesEveryOtherActuatorEndpointEvenFromAuthenticatedCallers() throws Exception {
        String token = TestTokens.bearer("probe-user");

        assertThat(get("/actuator/env", token).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/heapdump", token).statusCode()).isEqualTo(404);
    }

    @Test
    void logsOneJsonObjectPerLine(CapturedOutput output) {
        assertThat(output.getOut().lines().filter(line -> line.startsWith("{")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .contains("\"@timestamp\"")
                        .contains("\"level\"")
                        .endsWith("}"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
