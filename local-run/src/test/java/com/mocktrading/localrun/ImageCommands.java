package com.mocktrading.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The commands Compose runs inside the project's images, run in this stack's containers: each container's
 * healthcheck (a Java probe: the runtime image has no shell and no curl) and the consistency check's image.
 */
final class ImageCommands {

    private ImageCommands() {}

    /** The modules run as containers, each with where its readiness is answered. */
    private static final Map<String, String> READINESS = Map.of(
            "order-service", ServiceProcess.SPRING_READINESS,
            "portfolio-service", ServiceProcess.SPRING_READINESS,
            "query-service", ServiceProcess.SPRING_READINESS,
            "market-data-service", ServiceProcess.SPRING_READINESS,
            "api-gateway", ServiceProcess.SPRING_READINESS,
            "price-simulator", "/health");

    static void assertAsComposeRunsThem(LocalSystem stack) throws Exception {
        ServiceImages images = stack.settings().images();
        for (Map.Entry<String, String> module : READINESS.entrySet()) {
            // Found as an operator finds them: the running containers of the module's image.
            List<String> containers = docker(
                            "ps", "--filter", "ancestor=" + images.image(module.getKey()), "--format", "{{.Names}}")
                    .output();
            assertThat(containers).as(module.getKey() + "'s containers").isNotEmpty();
            for (String container : containers) {
                Map<String, String> environment = environmentOf(container);
                String port = environment.getOrDefault("MANAGEMENT_PORT", environment.get("PORT"));
                // Spring Boot's extracted layers keep the libraries under BOOT-INF; a tool image has them in lib/.
                String libraries = module.getKey().equals("price-simulator") ? "/app/lib/*" : "/app/BOOT-INF/lib/*";
                assertThat(docker(
                                        "exec",
                                        container,
                                        "java",
                                        "-cp",
                                        libraries,
                                        "com.mocktrading.probe.HttpProbe",
                                        "http://127.0.0.1:" + port + module.getValue())
                                .exitCode())
                        .as("the healthcheck of " + container)
                        .isZero();
            }
        }
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

    private record Result(int exitCode, List<String> output) {}

    private static Map<String, String> environmentOf(String container) throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (String line : docker("inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", container)
                .output()) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return environment;
    }

    private static Result docker(String... arguments) throws IOException, InterruptedException {
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
        return new Result(
                process.exitValue(),
                output.lines().filter(line -> !line.isBlank()).toList());
    }
}
