package com.mocktrading.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import com.mocktrading.localstack.StackVersions;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart, for each values profile: linted strictly, rendered by Helm, every manifest read strictly into the
 * Kubernetes API model (and each FlinkDeployment against the operator's CRD), and held to the policies a cluster
 * operator would check: probes, resources, unprivileged containers, pinned images, Services that select pods,
 * every setting a service reads, and network policies that allow exactly the calls the services make.
 */
class ChartTest {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");
    /** The server each service setting points at: what a network policy must let the service reach. */
    private static final Map<String, String> SERVER_OF = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka",
            "MOCKTRADING_STORE_DYNAMO_DB_ENDPOINT", "dynamodb",
            "MOCKTRADING_STORE_REDIS_URI", "redis",
            "MOCKTRADING_GATEWAY_RATE_LIMIT_REDIS_URI", "redis",
            "MOCKTRADING_QUERY_ELASTICSEARCH_URL", "elasticsearch",
            "MOCKTRADING_QUERY_CLICKHOUSE_URL", "clickhouse");

    static Stream<Path> profiles() {
        return Chart.profiles().stream();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void lintsStrictly(Path profile) {
        LintResult lint = Chart.lint(profile);
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void rendersOnlyManifestsTheKubernetesApiKnowsFieldForField(Path profile) {
        List<String> problems = new ArrayList<>();
        int known = 0;
        for (String manifest : Chart.texts(profile)) {
            KubernetesResource resource = StrictKubernetesModel.parse(manifest);
            if (StrictKubernetesModel.isKnownKind(resource)) {
                known++;
                problems.addAll(StrictKubernetesModel.unknownFields(resource));
            }
        }
        assertThat(known).isGreaterThan(20);
        assertThat(problems).isEmpty();
        for (JsonNode manifest : Chart.render(profile, Map.of())) {
            assertThat(manifest.path("apiVersion").asText())
                    .as(describe(manifest))
                    .isNotEmpty();
            assertThat(manifest.path("metadata").path("name").asText())
                    .as(describe(manifest))
                    .isNotEmpty();
        }
    }

    @Test
    void reportsAFieldTheKubernetesApiDoesNotKnow() {
        String deployment = Chart.texts(Chart.profiles().get(0)).stream()
                .filter(manifest -> manifest.contains("kind: Deployment"))
                .findFirst()
                .orElseThrow();

        List<String> unknown = StrictKubernetesModel.unknownFields(
                StrictKubernetesModel.parse(deployment.replace("revisionHistoryLimit:", "revisionHistoryLimits:")));

        assertThat(unknown).anyMatch(field -> field.contains("revisionHistoryLimits"));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void runsBothFlinkJobsAsFlinkDeploymentsTheOperatorAccepts(Path profile) {
        CrdSchema crd = CrdSchema.of("/flink-operator-crds/flinkdeployments.flink.apache.org-v1.yml", "v1beta1");
        List<JsonNode> deployments = ofKind(Chart.render(profile, Map.of()), "FlinkDeployment");

        assertThat(deployments).hasSize(2);
        for (JsonNode deployment : deployments) {
            assertThat(crd.problems(deployment)).as(describe(deployment)).isEmpty();
            JsonNode spec = deployment.path("spec");
            assertThat(spec.path("flinkVersion").asText()).isEqualTo("v2_2");
            assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
            assertThat(spec.path("job").path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/job.jar");
            assertThat(spec.path("flinkConfiguration")
                            .path("execution.checkpointing.dir")
                            .asText())
                    .isNotEmpty();
            assertThat(spec.path("flinkConfiguration")
                            .path("high-availability.storageDir")
                            .asText())
                    .isNotEmpty();
        }
    }

    @Test
    void refusesAFlinkDeploymentTheOperatorWouldNot() throws Exception {
        CrdSchema crd = CrdSchema.of("/flink-operator-crds/flinkdeployments.flink.apache.org-v1.yml", "v1beta1");
        JsonNode deployment = ofKind(Chart.render(Chart.profiles().get(1), Map.of()), "FlinkDeployment")
                .get(0);
        String text = Chart.YAML.writeValueAsString(deployment);

        assertThat(crd.problems(
                        Chart.YAML.readTree(text.replace("upgradeMode: \"savepoint\"", "upgradeMode: \"sometimes\""))))
                .isNotEmpty();
        assertThat(crd.problems(Chart.YAML.readTree(text.replace("parallelism:", "paralelism:"))))
                .anyMatch(problem -> problem.contains("paralelism"));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void probesLimitsAndUnprivilegesEveryContainerWithAPinnedImage(Path profile) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(Chart.render(profile, Map.of()))) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            boolean localServer = workload.path("metadata")
                    .path("labels")
                    .path("app.kubernetes.io/component")
                    .asText()
                    .equals("local-server");
            boolean podNonRoot =
                    pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
            for (JsonNode container : pod.path("containers")) {
                String at = describe(workload) + " container "
                        + container.path("name").asText();
                String image = container.path("image").asText();
                String tag = image.substring(image.lastIndexOf('/') + 1);
                if (!tag.contains(":") || tag.endsWith(":latest")) {
                    problems.add(at + ": image " + image + " has no pinned tag");
                }
                JsonNode resources = container.path("resources");
                if (resources.path("limits").path("memory").isMissingNode()
                        || resources.path("requests").path("memory").isMissingNode()
                        || resources.path("requests").path("cpu").isMissingNode()) {
                    problems.add(at + ": no memory limit, or no cpu and memory request");
                }
                if (!workload.path("kind").asText().equals("Job")
                        && (container.path("livenessProbe").isMissingNode()
                                || container.path("readinessProbe").isMissingNode())) {
                    problems.add(at + ": no liveness or readiness probe");
                }
                JsonNode security = container.path("securityContext");
                if (!podNonRoot && !security.path("runAsNonRoot").asBoolean(false)) {
                    problems.add(at + ": may run as root");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(at + ": may escalate privileges");
                }
                if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                    problems.add(at + ": keeps capabilities");
                }
                // The laptop servers' images write their configuration at start; the project's own never write.
                if (!localServer && !security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(at + ": writable root file system");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void runsTheInClusterServersFromTheImagesComposeAndTheTestContainersRun() {
        Map<String, String> images = new TreeMap<>();
        for (JsonNode workload : workloads(Chart.render(Chart.DIRECTORY.resolve("values-local.yaml"), Map.of()))) {
            workload.path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .forEach(container -> {
                        String name = container.path("name").asText();
                        if (Set.of("kafka", "dynamodb", "redis", "elasticsearch", "clickhouse")
                                .contains(name)) {
                            images.put(name, container.path("image").asText());
                        }
                    });
        }
        assertThat(images)
                .containsOnlyKeys("kafka", "dynamodb", "redis", "elasticsearch", "clickhouse")
                .allSatisfy(
                        (server, image) -> assertThat(image).as(server).isEqualTo(StackVersions.serverImage(server)));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void selectsSomePodWithEveryService(Path profile) {
        List<JsonNode> manifests = Chart.render(profile, Map.of());
        for (JsonNode service : ofKind(manifests, "Service")) {
            JsonNode selector = service.path("spec").path("selector");
            assertThat(workloads(manifests))
                    .as(describe(service) + " selects " + selector)
                    .anyMatch(workload -> contains(
                            workload.path("spec")
                                    .path("template")
                                    .path("metadata")
                                    .path("labels"),
                            selector));
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void givesEveryServiceEverySettingItReads(Path profile) {
        List<JsonNode> manifests = Chart.render(profile, Map.of());
        List<String> problems = new ArrayList<>();
        for (String service : Checkout.SPRING_SERVICES.keySet()) {
            JsonNode data = configOf(manifests, service);
            List<String> required = Checkout.environmentOf(service);
            required.add("MOCKTRADING_SECURITY_JWT_ISSUER");
            for (String variable : required) {
                if (data.path(variable).asText().isEmpty()) {
                    problems.add(service + " is not given " + variable);
                }
            }
            if (data.path("MOCKTRADING_SECURITY_JWT_JWK_SET_URI").asText().isEmpty()
                    && data.path("MOCKTRADING_SECURITY_JWT_PUBLIC_KEY_LOCATION")
                            .asText()
                            .isEmpty()) {
                problems.add(service + " is told no key to check tokens with");
            }
            data.fields().forEachRemaining(entry -> {
                if (entry.getValue().asText().contains("localhost")
                        || entry.getValue().asText().contains("127.0.0.1")) {
                    problems.add(service + " has " + entry.getKey() + "="
                            + entry.getValue().asText());
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void letsEachServiceReachExactlyTheServersItUsesAndOnlyTheGatewayBeReachedFromOutside(Path profile)
            throws Exception {
        List<JsonNode> manifests = Chart.render(profile, Map.of());
        JsonNode serverPorts = Chart.YAML
                .readTree(Chart.DIRECTORY.resolve("values.yaml").toFile())
                .path("networkPolicy")
                .path("serverPorts");
        for (String service : Checkout.SPRING_SERVICES.keySet()) {
            List<JsonNode> policies = ofKind(manifests, "NetworkPolicy").stream()
                    .filter(policy -> policy.path("spec")
                            .path("podSelector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText()
                            .equals(service))
                    .toList();
            assertThat(policies).as(service).hasSize(1);
            JsonNode spec = policies.get(0).path("spec");
            assertThat(spec.path("policyTypes").toString()).contains("Ingress", "Egress");

            JsonNode ingress = spec.path("ingress");
            assertThat(ingress).as(service + " ingress").hasSize(1);
            if (service.equals("api-gateway")) {
                assertThat(ingress.get(0).path("ports").toString())
                        .contains("8080")
                        .doesNotContain("8089");
            } else {
                assertThat(ingress.get(0).path("from").toString())
                        .as(service + " reached from")
                        .contains("\"app.kubernetes.io/name\":\"api-gateway\"");
            }

            Set<Integer> expected = new TreeSet<>(Set.of(53));
            for (String variable : Checkout.environmentOf(service)) {
                String server = SERVER_OF.get(variable);
                if (server != null) {
                    serverPorts.path(server).forEach(port -> expected.add(port.asInt()));
                }
            }
            Set<Integer> allowed = new TreeSet<>();
            List<String> reachedServices = new ArrayList<>();
            for (JsonNode rule : spec.path("egress")) {
                if (rule.has("to")) {
                    rule.path("to")
                            .forEach(peer -> reachedServices.add(peer.path("podSelector")
                                    .path("matchLabels")
                                    .path("app.kubernetes.io/name")
                                    .asText()));
                } else {
                    rule.path("ports")
                            .forEach(port -> allowed.add(port.path("port").asInt()));
                }
            }
            assertThat(allowed).as(service + " may send to ports").isEqualTo(expected);
            if (service.equals("api-gateway")) {
                assertThat(reachedServices)
                        .containsExactlyInAnyOrder(
                                "order-service", "portfolio-service", "query-service", "market-data-service");
            } else {
                assertThat(reachedServices).as(service + " reaches other pods").isEmpty();
            }
        }
    }

    @Test
    void refusesAWrongOrMissingValueWithAClearMessage() {
        Path aws = Chart.profiles().get(1);
        assertThatThrownBy(() -> Chart.render(aws, Map.of("image.tag", "latest")))
                .hasMessageContaining("tag");
        assertThatThrownBy(() -> Chart.render(aws, Map.of("endpoints.dynamodb", "ftp://dynamodb")))
                .hasMessageContaining("dynamodb");
        assertThatThrownBy(() -> Chart.render(aws, Map.of("security.jwt.jwkSetUri", "")))
                .hasMessageContaining("jwkSetUri");
        assertThatThrownBy(() -> Chart.render(aws, Map.of("services.order-service.replica", "3")))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> Chart.render(aws, Map.of("endpoints.kafka", "")))
                .hasMessageContaining("kafka");
    }

    private static JsonNode configOf(List<JsonNode> manifests, String service) {
        return ofKind(manifests, "ConfigMap").stream()
                .filter(map -> map.path("metadata").path("name").asText().equals(Chart.RELEASE + "-" + service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap for " + service))
                .path("data");
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        if (selector.isEmpty()) {
            return false;
        }
        List<Boolean> matches = new ArrayList<>();
        selector.fields()
                .forEachRemaining(
                        entry -> matches.add(labels.path(entry.getKey()).equals(entry.getValue())));
        return !matches.contains(false);
    }

    private static List<JsonNode> workloads(List<JsonNode> manifests) {
        return manifests.stream()
                .filter(manifest -> WORKLOADS.contains(manifest.path("kind").asText()))
                .toList();
    }

    private static List<JsonNode> ofKind(List<JsonNode> manifests, String kind) {
        return manifests.stream()
                .filter(manifest -> manifest.path("kind").asText().equals(kind))
                .toList();
    }

    private static String describe(JsonNode manifest) {
        return manifest.path("kind").asText() + " "
                + manifest.path("metadata").path("name").asText();
    }
}
