package com.mocktrading.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.SharedServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code bin/chaos} in a bounded form: the whole local system, fault proxies on every route to a store, a workload
 * of a few users through the gateway, and the scenarios the machine allows in a test run, each judged like
 * {@code bin/chaos} judges it (nothing lost, duplicated or negative, every portfolio its funding plus its trades,
 * no 500s). The rest of the catalogue runs the same way from the command line.
 */
class ChaosScenariosIntegrationTest {

    private static final int USERS = 6;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration FAULT = Duration.ofSeconds(8);
    private static final Set<ProcessHandle> BEFORE =
            ProcessHandle.current().descendants().collect(Collectors.toSet());

    /** Each scenario's users are new: the system is fresh, so a counter names them apart. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static ChaosStack stack;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        stack = new ChaosStack(ChaosCommand.chaosSettings(SharedServers.directory("chaos"), checkout));
        stack.start();
    }

    @AfterAll
    static void stopTheSystem() {
        stack.close();
        assertThat(ProcessHandle.current().descendants().filter(process -> !BEFORE.contains(process)))
                .noneMatch(ProcessHandle::isAlive);
    }

    @TestFactory
    Stream<DynamicTest> eachScenarioKeepsEveryPromise() {
        return Stream.of(
                        "kill-order-service",
                        "kill-order-service-replica",
                        "kill-market-data-service",
                        "crash-after-commit",
                        "kill-flink",
                        "stop-kafka",
                        "dynamodb-throttling",
                        "redis-down",
                        "elasticsearch-down",
                        "network-blackhole",
                        "duplicate-submissions",
                        "hot-user",
                        "feed-from-the-future",
                        "power-cut")
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Scenario scenario = Scenarios.named(name, USERS, FAULT).orElseThrow();
                    ChaosReport report = new ScenarioRun(stack, scenario, LOAD, "t" + RUNS.incrementAndGet()).run();
                    report.print(System.out);
                    assertThat(report.violations()).as(name).isEmpty();
                    assertThat(report.accepted())
                            .as("orders accepted in " + name)
                            .isPositive();
                }));
    }
}
