package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceImagesTest {

    @Test
    void runsAServiceOnTheHostNetworkWithItsEnvironmentByNameAndItsMountsReadOnly() {
        List<String> command = new ServiceImages("verify")
                .runCommand(
                        "mock-trading-order-service-18091",
                        "order-service",
                        List.of("PORT", "KAFKA_BOOTSTRAP_SERVERS"),
                        List.of(Path.of("/data/dev-issuer")),
                        "640m",
                        List.of("--flag"));

        assertThat(String.join(" ", command))
                .endsWith(" run --rm --name mock-trading-order-service-18091 --network host --memory 640m --init"
                        + " --env PORT --env KAFKA_BOOTSTRAP_SERVERS"
                        + " --volume /data/dev-issuer:/data/dev-issuer:ro mock-trading/order-service:verify --flag");
    }

    @Test
    void takesTheImagesFromTheLocalRunsOptionAndRefusesATagDockerWouldNot() {
        assertThat(LocalSystemSettings.fromOptions(Map.of()).images()).isNull();
        assertThat(LocalSystemSettings.fromOptions(Map.of("images", "0.1.0-SNAPSHOT"))
                        .images()
                        .image("api-gateway"))
                .isEqualTo("mock-trading/api-gateway:0.1.0-SNAPSHOT");
        assertThatThrownBy(() -> LocalSystemSettings.fromOptions(Map.of("images", "no tag")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--images must be an image tag");
    }

    @Test
    void keepsTheImagesThroughTheOtherSettings() {
        LocalSystemSettings settings = LocalSystemSettings.fromOptions(Map.of("images", "verify"))
                .withFeed(10, 5)
                .withOrderServiceReplicas(2);

        assertThat(settings.images()).isEqualTo(new ServiceImages("verify"));
    }
}
