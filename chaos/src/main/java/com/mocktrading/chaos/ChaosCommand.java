package com.mocktrading.chaos;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.localrun.LocalSystemSettings;
import com.mocktrading.localstack.ShutdownHooks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/chaos SCENARIO... [--users=N --duration=S --fault=S --data-dir=DIR]} (or {@code all}, or
 * {@code --list}): starts the whole local system with a fault proxy on every route to a store, on free ports and
 * a data directory of its own, runs each scenario in turn and prints its report; exits 1 if any scenario broke a
 * promise.
 */
public final class ChaosCommand {

    private static final PrintStream OUT = System.out;

    private static final CommandLine COMMAND = CommandLine.command(
                    "bin/chaos NAME...|all [options]",
                    "Runs fault-injection scenarios against a whole local system, each judged by its report.")
            .positional("[NAME...]", "scenarios (--list shows them), or all")
            .option("users", "N", "simulated users of the workload", "40")
            .option("duration", "S", "seconds of load per scenario", "60")
            .option("fault", "S", "seconds each fault is held", "20")
            .option("data-dir", "DIR", "where the system keeps its data (wiped at start)", ".local-data/chaos")
            .flag("list", "lists the scenarios");

    private ChaosCommand() {}

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        List<String> names = options.positionals();
        int users = Integer.parseInt(options.get("users"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        Duration fault = Duration.ofSeconds(Long.parseLong(options.get("fault")));
        List<Scenario> catalogue = Scenarios.all(users, fault);
        if (options.has("list") || names.isEmpty()) {
            list(catalogue);
            System.exit(names.isEmpty() && !options.has("list") ? 2 : 0);
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
        Path data = Path.of(options.get("data-dir")).toAbsolutePath();
        List<ChaosReport> reports = run(chosen, data, duration);
        summary(reports);
        System.exit(reports.stream().allMatch(ChaosReport::passed) ? 0 : 1);
    }

    /** Runs the scenarios one after another on one fresh stack in {@code data}, printing each report. */
    static List<ChaosReport> run(List<Scenario> scenarios, Path data, Duration duration) throws Exception {
        ShutdownHooks.deleteRecursively(data);
        LocalSystemSettings settings = chaosSettings(data, Path.of("").toAbsolutePath());
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
    static LocalSystemSettings chaosSettings(Path data, Path projectDirectory) {
        return LocalSystemSettings.onFreePorts(data, projectDirectory)
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
