package com.mocktrading.localrun;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.ServerStartException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the whole system on this machine with its data kept under
 * {@code .local-data/}, prints where everything listens, and stops it all cleanly on Ctrl-C.
 */
public final class LocalRun {

    private static final PrintStream OUT = System.out;

    private LocalRun() {}

    public static void main(String[] args) throws InterruptedException {
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.fromOptions(options(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            OUT.println("\nstopping the local system ...");
                            stack.close();
                            OUT.println("stopped; data kept in " + settings.dataDirectory());
                            stopped.countDown();
                        },
                        "local-run-stop"));

        OUT.println("starting the local system, data in " + settings.dataDirectory());
        try {
            stack.start().forEach(line -> OUT.println("  schema  " + line));
        } catch (PrerequisiteMissingException | ServerStartException | IllegalStateException e) {
            System.err.println("local run failed: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("local run failed: " + e);
            System.exit(1);
        }
        printEndpoints(stack);
        stopped.await();
    }

    private static void printEndpoints(LocalStack stack) {
        OUT.println();
        OUT.println("the local system is up (Ctrl-C stops it):");
        for (LocalServer server : stack.servers()) {
            OUT.printf(
                    "  %-20s %-32s started in %5.1f s%n",
                    server.name(),
                    server.endpoint(),
                    stack.startupTimes().get(server.name()).toMillis() / 1000.0);
        }
        OUT.println("logs: " + stack.settings().dataDirectory().resolve("logs"));
        if (stack.settings().projectDirectory() != null) {
            LocalStackSettings settings = stack.settings();
            OUT.println();
            String gateway = "http://127.0.0.1:" + settings.gatewayPort();
            OUT.println("the API gateway: " + gateway + "/v1/...; try it:");
            OUT.println("  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{\"userId\":\"alice\"}' "
                    + gateway + "/v1/dev/token | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/')");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/v1/prices/ACME");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
            OUT.println("       -d '{\"symbol\":\"ACME\",\"side\":\"BUY\",\"quantity\":10}' " + gateway + "/v1/orders");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/v1/portfolio/alice");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + gateway + "/v1/trades/search");
            OUT.println("  curl -s -H \"Authorization: Bearer $TOKEN\" '" + gateway
                    + "/v1/analytics/volume?symbol=ACME&timeWindow=1h&interval=5m'");
            OUT.println("  live prices and your order updates (WebSocket; send"
                    + " {\"type\":\"subscribe\",\"topics\":[\"prices:ACME\",\"orders\"]}):");
            OUT.println("    ws://127.0.0.1:" + settings.gatewayPort() + "/v1/marketdata?access_token=$TOKEN");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options are --name=value,"
                        + " e.g. --data-dir=.local-data --kafka-port=19092");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
