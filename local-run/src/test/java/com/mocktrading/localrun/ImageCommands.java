package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The commands Compose runs inside the project's images, run in this stack's containers: each container's
 * healthcheck (a Java probe: the runtime image has no shell and no curl) and the consistency check's image.
 */
final class ImageCommands {

    private ImageCommands() {}

    static void assertAsComposeRunsThem(LocalSystem stack) throws Exception {
        List<String> checked = new ArrayList<>();
        for (var server : stack.servers()) {
            if (server instanceof ServiceProcess process && process.launch() instanceof ServiceLaunch.Image image) {
                // Spring Boot's extracted layers keep the libraries under BOOT-INF; a tool image has them in lib/.
                String libraries = image.module().equals("price-simulator") ? "/app/lib/*" : "/app/BOOT-INF/lib/*";
                assertThat(docker(
                                "exec",
                                image.container(),
                                "java",
                                "-cp",
                                libraries,
                                "com.mocktrading.probe.HttpProbe",
                                process.readinessUrl()))
                        .as("the healthcheck of " + image.container())
                        .isZero();
                checked.add(image.module());
            }
        }
        assertThat(checked)
                .contains(
                        "order-service",
                        "portfolio-service",
                        "query-service",
                        "market-data-service",
                        "api-gateway",
                        "price-simulator");
        List<String> check = stack.settings()
                .images()
                .runToEnd(
                        "consistency-check",
                        List.of(
                                "--dynamodb=" + stack.dynamoDb().endpointUrl(),
                                "--kafka=" + stack.kafka().bootstrapServers(),
                                "--elasticsearch=" + stack.elasticsearch().httpUrl(),
                                "--clickhouse=" + stack.clickHouse().httpUrl(),
                                "--in-flight-seconds=0"));
        assertThat(check).contains("consistent: no violations");
    }

    private static int docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Objects.requireNonNullElse(System.getenv("MOCKTRADING_DOCKER"), "docker"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 60 s");
        }
        if (process.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ":\n" + output);
        }
        return process.exitValue();
    }
}
