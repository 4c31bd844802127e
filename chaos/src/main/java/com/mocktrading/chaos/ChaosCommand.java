package com.mocktrading.chaos;

import com.mocktrading.localrun.LocalStackSettings;
import com.mocktrading.localstack.ShutdownHooks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/chaos SCENARIO... [--users=N --duration=S --fault=S --data-dir=DIR]} (or {@code all}, or
 * {@code --list}): starts the whole local system with a fault proxy on every route to a store, on free ports and
 * a data directory of its own, runs each scenario in turn and prints its report; exits 1 if any scenario broke a
 * promise.
 */
public final class ChaosCommand {

    private static final PrintStream OUT = System.out;

    private ChaosCommand() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--list")) {
                options.put("list", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                System.err.println("unknown option " + arg + "; options are --users=N --duration=S --fault=S"
                        + " --data-dir=DIR --list");
                System.exit(2);
            } else {
                names.add(arg);
            }
        }
        int users = Integer.parseInt(options.getOrDefault("users", "40"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
        Duration fault = Duration.ofSeconds(Long.parseLong(options.getOrDefault("fault", "20")));
        List<Scenario> catalogue = Scenarios.all(users, fault);
        if (options.containsKey("list") || names.isEmpty()) {
            list(catalogue);
            System.exit(names.isEmpty() && !options.containsKey("list") ? 2 : 0);
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names) {
            if (name.equals("all")) {
                chosen.addAll(catalogue);
            } else {
                chosen.add(Scenarios.named(name, users, fault)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "no scenario '" + name + "' (bin/chaos --list shows them)")));
            }
        }
        Path data =
                Path.of(options.getOrDefault("data-dir", ".local-data/chaos")).toAbsolutePath();
        List<ChaosReport> reports = run(chosen, data, duration);
        summary(reports);
        System.exit(reports.stream().allMatch(ChaosReport::passed) ? 0 : 1);
    }

    /** Runs the scenarios one after another on one fresh stack in {@code data}, printing each report. */
    static List<ChaosReport> run(List<Scenario> scenarios, Path data, Duration duration) throws Exception {
        ShutdownHooks.deleteRecursively(data);
        LocalStackSettings settings = chaosSettings(data, Path.of("").toAbsolutePath());
        OUT.println("starting the local system with fault proxies, data in " + data + " (logs in "
                + data.resolve("logs") + ") ...");
        List<ChaosReport> reports = new ArrayList<>();
        try (ChaosStack stack = new ChaosStack(settings)) {
            stack.start();
            OUT.println("up; gateway " + stack.gateway());
            String run = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                OUT.println();
                OUT.println("running " + scenario.name() + " (" + duration.toSeconds() + " s of load) ...");
                ChaosReport report = new ScenarioRun(stack, scenario, duration, "c" + run + "s" + i).run();
                report.print(OUT);
                reports.add(report);
            }
        }
        return reports;
    }

    /**
     * The local run's settings on free ports, with a feed fast enough that every traded symbol has a fresh price,
     * and two order-service replicas, so that one can fail while the other serves.
     */
    static LocalStackSettings chaosSettings(Path data, Path projectDirectory) {
        return LocalStackSettings.onFreePorts(data, projectDirectory)
                .withFeed(100, 200)
                .withOrderServiceReplicas(2);
    }

    private static void list(List<Scenario> catalogue) {
        OUT.println("scenarios (bin/chaos NAME... or all; --users=N --duration=S --fault=S):");
        for (Scenario scenario : catalogue) {
            OUT.printf(
                    "  %-26s %s%n  %-26s expected: %s%n", scenario.name(), scenario.summary(), "", scenario.expected());
        }
    }

    private static void summary(List<ChaosReport> reports) {
        OUT.println();
        OUT.println("summary:");
        for (ChaosReport report : reports) {
            OUT.printf(
                    "  %-26s %s  %d accepted, longest unavailability %.1f s%n",
                    report.scenario().name(),
                    report.passed() ? "PASSED" : "FAILED",
                    report.accepted(),
                    report.longestUnavailability().toMillis() / 1000.0);
        }
    }
}
