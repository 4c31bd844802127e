package com.mocktrading.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.consistency.ConsistencyCheckCommand;
import com.mocktrading.consistency.DynamoDbScans;
import com.mocktrading.consistency.Reconciliation;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One scenario against the running stack: users and live clients start, the workload runs, the fault is injected
 * a while in and healed, the workload ends, the system is left to settle (every order of the run decided), and
 * the stores are checked. Users are new for every run, so runs on one stack do not mix.
 */
final class ScenarioRun {

    private static final Duration SCAN_PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration READ_MODELS_TIMEOUT = Duration.ofMinutes(2);

    private final ChaosStack stack;
    private final Scenario scenario;
    private final Duration workloadLength;
    private final String tag;

    /** What the run saw, for the report and the scenario's own verification. */
    record Evidence(
            List<OrderClient.User> users,
            OrderClient.User hotUser,
            List<String> symbols,
            List<PlacedOrder> placed,
            List<OrderRecord> orders,
            List<LiveClients.LiveClient> liveClients,
            long faultEndedNanos,
            Duration longestUnavailability,
            String gateway) {}

    ScenarioRun(ChaosStack stack, Scenario scenario, Duration workloadLength, String tag) {
        this.stack = stack;
        this.scenario = scenario;
        this.workloadLength = workloadLength;
        this.tag = tag;
    }

    ChaosReport run() throws Exception {
        WorkloadShape shape = scenario.shape();
        List<OrderClient.User> users = new ArrayList<>();
        for (int i = 0; i < shape.users(); i++) {
            users.add(user(tag + "-u" + i));
        }
        OrderClient.User hotUser = user(tag + "-hot");
        List<String> symbols = symbols(stack.gateway(), users.get(0).token(), shape.symbols());
        LiveClients live = new LiveClients(stack.marketDataSocket(), users.subList(0, shape.liveClients()), symbols);
        Workload workload = new Workload(stack.gateway(), shape, users, hotUser, symbols);
        long began = System.nanoTime();
        try (live) {
            live.start();
            workload.start();
            Thread.sleep(Math.min(10_000, workloadLength.toMillis() / 4));
            long faultBegan = System.nanoTime();
            scenario.fault().inject(stack);
            Thread.sleep(scenario.faultLength().toMillis());
            scenario.fault().heal(stack);
            long faultEnded = System.nanoTime();
            workload.availability().faultEnded();
            // The load lasts its length, and at least a while after the fault, so that the recovery is seen.
            workload.stopAt(Math.max(
                    began + workloadLength.toNanos(),
                    faultEnded + Duration.ofSeconds(10).toNanos()));
            workload.awaitEnd();
            List<OrderRecord> orders = settle();
            Thread.sleep(2_000); // the last order updates reach the live clients
            Evidence evidence = new Evidence(
                    users,
                    hotUser,
                    symbols,
                    workload.placed(),
                    orders,
                    live.clients(),
                    faultEnded,
                    workload.availability().longestUnavailability(),
                    stack.gateway());
            Reconciliation.Report check = check();
            List<String> own = scenario.fault().verify(stack, evidence);
            return ChaosReport.of(
                    scenario,
                    evidence,
                    ChaosReport.ClientFigures.of(workload),
                    check,
                    own,
                    new ChaosReport.Timings(
                            Duration.ofNanos(faultBegan - began),
                            Duration.ofNanos(faultEnded - faultBegan),
                            Duration.ofNanos(System.nanoTime() - began)),
                    ChaosReport.StackFacts.of(stack));
        }
    }

    private OrderClient.User user(String id) {
        return new OrderClient.User(id, stack.stack().devTokenIssuer().issue(id));
    }

    /** The first symbols of the universe, as the gateway lists them. */
    static List<String> symbols(String gateway, String token, int count) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "/v1/symbols"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode listed = JSON.readTree(response.body());
        List<String> symbols = new ArrayList<>();
        for (JsonNode symbol : listed) {
            if (symbols.size() < count) {
                symbols.add(symbol.get("symbol").asText());
            }
        }
        if (symbols.isEmpty()) {
            throw new IllegalStateException("the gateway listed no symbols: " + response.body());
        }
        return symbols;
    }

    /** Waits until no order of this run is undecided; returns this run's order records. */
    private List<OrderRecord> settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        // A batch scan of a system just out of a fault: pages get the check's own bound, not a request's 2 s, and a
        // scan that fails still counts as "not yet" until the deadline.
        try (DynamoDbClient dynamo = DynamoDbClients.create(
                stack.endpoints().dynamoDb(), "us-east-1", SCAN_PAGE_TIMEOUT.multipliedBy(3), SCAN_PAGE_TIMEOUT, 8)) {
            DynamoDbScans scans = new DynamoDbScans(dynamo);
            while (true) {
                List<OrderRecord> orders;
                try {
                    orders = scans.orders(TableDefinitions.ORDERS).stream()
                            .filter(order -> order.userId().startsWith(tag + "-"))
                            .toList();
                } catch (SdkException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(1_000);
                    continue;
                }
                boolean undecided = orders.stream().anyMatch(order -> order.status() == OrderStatus.ACCEPTED);
                if (!undecided || System.nanoTime() > deadline) {
                    return orders;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /**
     * The consistency check with no in-flight allowance (everything of this run is decided), repeated while the
     * read models still catch up.
     */
    private Reconciliation.Report check() throws Exception {
        long deadline = System.nanoTime() + READ_MODELS_TIMEOUT.toNanos();
        Reconciliation.Report report = ConsistencyCheckCommand.run(stack.endpoints(), Duration.ZERO);
        while (!report.consistent() && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            report = ConsistencyCheckCommand.run(stack.endpoints(), Duration.ZERO);
        }
        return report;
    }
}
