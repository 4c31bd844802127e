package com.mocktrading.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.mocktrading.localstack.StackVersions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, as Compose itself reads it ({@code docker-compose config}: offline, no engine needed, anchors
 * and merges resolved), checked against what the system needs to come up the first time a user runs it.
 */
class ComposeFileTest {

    /** The servers whose data must outlive a container. */
    private static final Map<String, String> DATA = Map.of(
            "kafka", "/var/lib/kafka/data",
            "dynamodb", "/home/dynamodblocal/data",
            "redis", "/data",
            "elasticsearch", "/usr/share/elasticsearch/data",
            "clickhouse", "/var/lib/clickhouse",
            "flink-jobmanager", "/flink/checkpoints");

    private static JsonNode services;

    @BeforeAll
    static void readTheFileAsComposeDoes() throws Exception {
        Process config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .directory(Checkout.ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as("docker-compose config: " + output).isZero();
        services = new ObjectMapper(new YAMLFactory()).readTree(output).path("services");
    }

    @Test
    void runsEveryPartOfTheSystem() {
        assertThat(names())
                .contains(
                        "kafka",
                        "dynamodb",
                        "redis",
                        "elasticsearch",
                        "clickhouse",
                        "flink-jobmanager",
                        "flink-taskmanager",
                        "execution-job",
                        "persistence-job",
                        "schema-bootstrap",
                        "dev-issuer",
                        "price-simulator",
                        "consistency-check",
                        "order-service",
                        "portfolio-service",
                        "query-service",
                        "market-data-service",
                        "api-gateway");
    }

    @Test
    void givesEveryContainerAMemoryLimitARestartPolicyAndEveryServerAHealthcheck() {
        List<String> problems = new ArrayList<>();
        services.fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            if (!service.hasNonNull("mem_limit")) {
                problems.add(entry.getKey() + " has no memory limit");
            }
            String restart = service.path("restart").asText();
            if (restart.equals("on-failure")) {
                // A one-shot step: judged by its exit status, so it has no healthcheck.
                return;
            }
            if (isOnDemandTool(service)) {
                // Run by the user (docker compose run), never by up, and never restarted: its exit status is its
                // answer.
                if (!restart.equals("no")) {
                    problems.add(entry.getKey() + " is run on demand but restarts: '" + restart + "'");
                }
                return;
            }
            if (!restart.equals("unless-stopped") && !restart.equals("always")) {
                problems.add(entry.getKey() + " has restart '" + restart + "'");
            }
            if (!service.has("healthcheck")
                    || service.path("healthcheck").path("test").isEmpty()) {
                problems.add(entry.getKey() + " has no healthcheck");
            }
        });
        assertThat(problems).isEmpty();
    }

    private static boolean isOnDemandTool(JsonNode service) {
        List<String> profiles = new ArrayList<>();
        service.path("profiles").forEach(profile -> profiles.add(profile.asText()));
        return profiles.contains("tools");
    }

    @Test
    void startsEachContainerOnlyOnceWhatItNeedsIsHealthyOrDone() {
        List<String> problems = new ArrayList<>();
        services.fields()
                .forEachRemaining(
                        entry -> entry.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                            String condition =
                                    dependency.getValue().path("condition").asText();
                            JsonNode target = services.path(dependency.getKey());
                            boolean oneShot = target.path("restart").asText().equals("on-failure");
                            if (condition.equals("service_healthy") && !target.has("healthcheck")) {
                                problems.add(entry.getKey() + " waits for " + dependency.getKey() + " to be healthy,"
                                        + " which has no healthcheck");
                            } else if (condition.equals("service_completed_successfully") && !oneShot) {
                                problems.add(entry.getKey() + " waits for " + dependency.getKey() + " to complete,"
                                        + " which runs for good");
                            } else if (!condition.equals("service_healthy")
                                    && !condition.equals("service_completed_successfully")) {
                                problems.add(entry.getKey() + " only waits for " + dependency.getKey() + " to start");
                            }
                        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void publishesOnlyTheGatewayTheFlinkUiAndTheTraceUiAndOnlyOnLoopback() {
        Map<String, List<String>> published = new TreeMap<>();
        services.fields()
                .forEachRemaining(entry -> entry.getValue().path("ports").forEach(port -> published
                        .computeIfAbsent(entry.getKey(), name -> new ArrayList<>())
                        .add(port.asText())));
        assertThat(published)
                .containsOnlyKeys("api-gateway", "flink-jobmanager", "zipkin")
                .allSatisfy((service, ports) -> assertThat(ports).allMatch(port -> port.startsWith("127.0.0.1:")));
    }

    @Test
    void buildsTheProjectsImagesFromItsDockerfile() {
        Set<String> targets = Checkout.dockerTargets();
        List<String> problems = new ArrayList<>();
        services.fields().forEachRemaining(entry -> {
            JsonNode build = entry.getValue().path("build");
            if (build.isMissingNode()) {
                return;
            }
            String module = build.path("args").path("MODULE").asText();
            String target = build.path("target").asText();
            if (!build.path("dockerfile").asText().equals("deploy/docker/Dockerfile")) {
                problems.add(entry.getKey() + " is built from " + build.path("dockerfile"));
            }
            if (!targets.contains(target)) {
                problems.add(entry.getKey() + " builds target '" + target + "', not in the Dockerfile");
            }
            if (!Checkout.isModule(module)) {
                problems.add(entry.getKey() + " builds module '" + module + "', which does not exist");
            }
            String main = build.path("args").path("MAIN_CLASS").asText();
            if (target.equals("java-tool") && !Checkout.hasMainClass(module, main)) {
                problems.add(entry.getKey() + " runs " + main + ", which " + module + " does not have");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void runsTheServerImagesOfThePomWhichTheChartAndTheTestContainersRunToo() {
        Map.of(
                        "kafka", "kafka",
                        "dynamodb", "dynamodb",
                        "redis", "redis",
                        "elasticsearch", "elasticsearch",
                        "clickhouse", "clickhouse",
                        "flink-jobmanager", "flink",
                        "flink-taskmanager", "flink")
                .forEach((service, server) -> assertThat(
                                services.path(service).path("image").asText())
                        .as(service)
                        .isEqualTo(StackVersions.serverImage(server)));
    }

    @Test
    void buildsTheJobImagesOnTheFlinkTheJobsAreBuiltFor() {
        Matcher version = Pattern.compile("<flink.version>([^<]+)</flink.version>")
                .matcher(Checkout.read(Checkout.ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        Matcher jobImage = Pattern.compile("ARG FLINK_IMAGE=(\\S+)").matcher(Checkout.read(Checkout.DOCKERFILE));
        assertThat(jobImage.find()).isTrue();
        assertThat(jobImage.group(1))
                .isEqualTo(StackVersions.serverImage("flink"))
                .startsWith("flink:" + version.group(1) + "-");
    }

    @Test
    void keepsEachServersDataInANamedVolume() {
        DATA.forEach((server, path) -> {
            List<String> volumes = new ArrayList<>();
            // name:/path:mode, a named volume when the source is no path
            services.path(server).path("volumes").forEach(volume -> {
                String[] parts = volume.asText().split(":");
                if (!parts[0].startsWith("/") && !parts[0].startsWith(".")) {
                    volumes.add(parts[1]);
                }
            });
            assertThat(volumes).as(server).contains(path);
        });
    }

    @Test
    void pointsEveryServiceAtTheComposeServersNeverAtItsOwnContainer() {
        List<String> problems = new ArrayList<>();
        Checkout.SPRING_SERVICES.forEach((name, relaxed) -> {
            JsonNode environment = services.path(name).path("environment");
            List<String> required = Checkout.environmentOf(name);
            required.addAll(List.of(
                    "MOCKTRADING_SECURITY_JWT_PUBLIC_KEY_LOCATION",
                    "MOCKTRADING_SECURITY_JWT_ISSUER",
                    "MOCKTRADING_DEV_TOKEN_KEY_LOCATION"));
            if (!name.equals("api-gateway")) {
                required.remove("MOCKTRADING_DEV_TOKEN_KEY_LOCATION");
            }
            for (String variable : required) {
                if (!environment.hasNonNull(variable)) {
                    problems.add(name + " is not given " + variable);
                }
            }
            environment.fields().forEachRemaining(variable -> {
                String value = variable.getValue().asText();
                if (value.contains("localhost") || value.contains("127.0.0.1")) {
                    problems.add(name + " has " + variable.getKey() + "=" + value + ", its own container");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
