package com.mocktrading.chaos;

import com.mocktrading.localstack.fault.Fault;
import com.mocktrading.localstack.fault.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every scenario {@code bin/chaos} knows, in the order {@code --list} shows them. */
final class Scenarios {

    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);

    private Scenarios() {}

    /** The catalogue for a workload of {@code users} users whose faults last {@code fault} (where they have one). */
    static List<Scenario> all(int users, Duration fault) {
        WorkloadShape standard = WorkloadShape.standard(users);
        List<Scenario> all = new ArrayList<>();
        all.add(new Scenario(
                "kill-order-service",
                "SIGKILL to every order-service replica at once mid-load; the supervisor restarts them",
                "orders fail (502/503, timeouts) until it is back; keyed retries then get their one order; nothing"
                        + " accepted is lost, nothing runs twice",
                standard,
                Duration.ZERO,
                killed("order-service")));
        all.add(new Scenario(
                "kill-order-service-replica",
                "SIGKILL to one of the two order-service replicas mid-load; it stays down for the fault's length",
                "orders in flight on it get 502 and are retried with their key; the gateway sends the rest to the"
                        + " live replica (a refused connection is tried on the next), so no client goes unanswered"
                        + " for as long as the replica is down; nothing lost, nothing runs twice",
                standard,
                fault,
                new OtherReplicaServes(heldDown("order-service-2", true), fault)));
        all.add(new Scenario(
                "kill-market-data-service",
                "SIGKILL to market-data-service while WebSocket clients are connected",
                "the clients' connections end; they reconnect, get the latest prices again at once and their order"
                        + " updates; orders are unaffected",
                standard.withLiveClients(Math.min(5, users)),
                Duration.ZERO,
                new LiveClientsRecover(killed("market-data-service"))));
        all.add(new Scenario(
                "execution-task-failure",
                "every connection of the execution job to DynamoDB reset, for the fault's length",
                "the job's task fails after its retries and restarts from its last checkpoint; orders wait, then"
                        + " execute exactly once",
                standard,
                fault,
                network(stack -> List.of(stack.proxies().between("execution-job", "dynamodb")), Fault.RESET)));
        all.add(new Scenario(
                "crash-after-commit",
                "the execution job's DynamoDB answers never arrive (half-open): its commits happen, it cannot tell",
                "the job times out and restarts; replaying, it finds the orders decided and publishes each outcome"
                        + " once",
                standard,
                fault,
                network(stack -> List.of(stack.proxies().between("execution-job", "dynamodb")), Fault.HALF_OPEN)));
        all.add(new Scenario(
                "kill-flink",
                "SIGKILL to the Flink cluster (JobManager and TaskManager); restarted, both jobs resubmitted",
                "orders are accepted throughout and wait; the jobs resume from their retained checkpoints; every"
                        + " accepted order is decided once, in the read models once",
                standard,
                Duration.ZERO,
                killed("flink")));
        all.add(new Scenario(
                "power-cut",
                "SIGKILL to every process of the local run at once, then the whole run started again on its data",
                "clients get no answers until it is back (minutes); afterwards nothing accepted is lost, nothing is"
                        + " duplicated, every portfolio is its funding plus its trades",
                standard,
                Duration.ZERO,
                new FaultInjection() {
                    @Override
                    public void inject(ChaosStack stack) throws Exception {
                        stack.powerCutAndRestart();
                    }
                }));
        all.add(new Scenario(
                "stop-kafka",
                "the Kafka broker stopped (SIGTERM) for the fault's length, then started again",
                "orders are refused with 503 (nothing queued) or answered once Kafka confirms; prices pause; all"
                        + " resumes by itself",
                standard,
                fault,
                heldDown("kafka", false)));
        all.add(new Scenario(
                "freeze-kafka",
                "the Kafka broker frozen (SIGSTOP) with its connections open, then resumed (SIGCONT)",
                "clients time out or get 503s, never a wrong answer; the withdrawn or unconfirmed orders never"
                        + " execute; all resumes when it thaws",
                standard,
                fault,
                new FaultInjection() {
                    @Override
                    public void inject(ChaosStack stack) {
                        stack.freeze("kafka");
                    }

                    @Override
                    public void heal(ChaosStack stack) {
                        stack.thaw("kafka");
                    }
                }));
        all.add(new Scenario(
                "dynamodb-slow",
                "250 ms added to every DynamoDB request and answer, from every process",
                "orders slow down or get 503 DEPENDENCY_UNAVAILABLE within their timeouts; none is half done",
                standard,
                fault,
                network(stack -> stack.proxies().to("dynamodb"), new Fault.Delay(Duration.ofMillis(250)))));
        all.add(new Scenario(
                "dynamodb-throttling",
                "30% of DynamoDB requests answered with ThrottlingException, from every process",
                "the SDKs retry with backoff; some orders get 503s; the execution job retries; nothing lost",
                standard,
                fault,
                network(stack -> stack.proxies().to("dynamodb"), Fault.HttpErrors.throttling(0.3))));
        all.add(new Scenario(
                "redis-down",
                "redis-server killed and kept down for the fault's length (prices, rate limiter, Pub/Sub)",
                "orders get 503 PRICE_UNAVAILABLE or DEPENDENCY_UNAVAILABLE; the gateway lets requests pass"
                        + " unlimited; WebSocket clients get prices again after",
                standard.withLiveClients(Math.min(3, users)),
                fault,
                new LiveClientsRecover(heldDown("redis", true))));
        all.add(new Scenario(
                "elasticsearch-down",
                "Elasticsearch killed and kept down for the fault's length during persistence",
                "orders are unaffected; the persistence job waits and retries; every trade is in the history once",
                standard,
                fault,
                heldDown("elasticsearch", true)));
        all.add(new Scenario(
                "clickhouse-down",
                "ClickHouse killed and kept down for the fault's length during persistence",
                "orders are unaffected; the persistence job waits and retries; every trade is in the analytics once",
                standard,
                fault,
                heldDown("clickhouse", true)));
        all.add(new Scenario(
                "network-reset",
                "the services' connections to DynamoDB reset (RST), new ones too, for the fault's length",
                "orders get 503s, retried by clients with keys; no partial order, nothing lost",
                standard,
                fault,
                network(
                        stack -> List.of(
                                stack.proxies().between("order-service", "dynamodb"),
                                stack.proxies().between("portfolio-service", "dynamodb")),
                        Fault.RESET)));
        all.add(new Scenario(
                "network-blackhole",
                "order-service's packets to and from DynamoDB vanish (blackhole) for the fault's length",
                "order-service answers 503 within its timeouts instead of hanging; keyed retries succeed after",
                standard,
                fault,
                network(stack -> List.of(stack.proxies().between("order-service", "dynamodb")), Fault.BLACKHOLE)));
        all.add(new Scenario(
                "network-half-open",
                "order-service's DynamoDB writes arrive, their answers never do (half-open)",
                "order-service cannot tell whether an order was recorded; keyed retries settle it; an unkeyed order"
                        + " may be accepted without its client knowing, never twice",
                standard,
                fault,
                network(stack -> List.of(stack.proxies().between("order-service", "dynamodb")), Fault.HALF_OPEN)));
        all.add(new Scenario(
                "duplicate-submissions",
                "every order keyed and sent from 4 connections at once by clients with a 1 s timeout, while"
                        + " order-service's DynamoDB is 700 ms slow",
                "each key gets one order: its copies and retries get the same 202 (or 409 in progress); none"
                        + " executes twice",
                standard.withDuplicateSenders(4, Duration.ofSeconds(1)),
                fault,
                network(
                        stack -> List.of(stack.proxies().between("order-service", "dynamodb")),
                        new Fault.Delay(Duration.ofMillis(700)))));
        all.add(new Scenario(
                "hot-user",
                "one user sends from 100 clients at once, next to the ordinary users",
                "the hot user is rate limited (429 with Retry-After); nobody else is; the hot user's cash and holdings"
                        + " never go negative",
                standard.withHotUser(100),
                Duration.ZERO,
                new OrdinaryUsersUnaffected()));
        all.add(new Scenario(
                "hot-symbol",
                "every user trades one symbol",
                "orders of one symbol, spread by user over the partitions, execute as usual; nothing lost",
                standard.withSymbols(1),
                Duration.ZERO,
                new FaultInjection() {
                    @Override
                    public void inject(ChaosStack stack) {
                        // The load is the fault.
                    }
                }));
        all.add(new Scenario(
                "feed-from-the-future",
                "a market_data tick dated an hour ahead for a traded symbol",
                "the tick is refused (counted as future); the symbol's price keeps moving with the real feed",
                standard,
                Duration.ZERO,
                new FutureTick()));
        all.add(new Scenario(
                "service-clock-ahead",
                "one order-service replica restarted with its wall clock 40 s ahead (libfaketime), then in step again",
                "orders it accepts carry an acceptance time 40 s ahead and prices look 40 s older to it (within the"
                        + " 60 s staleness bound), so orders are still accepted; the other replica's times are right,"
                        + " so one user's orders carry times out of order, and execution follows the order they were"
                        + " queued in, not their clocks; tokens stay valid; nothing lost or duplicated",
                standard,
                fault,
                new FaultInjection() {
                    @Override
                    public void inject(ChaosStack stack) {
                        stack.stack().restartWithClockAhead("order-service", Duration.ofSeconds(40));
                    }

                    @Override
                    public void heal(ChaosStack stack) {
                        stack.stack().restartWithClockAhead("order-service", Duration.ZERO);
                    }
                }));
        return all;
    }

    static Optional<Scenario> named(String name, int users, Duration fault) {
        return all(users, fault).stream()
                .filter(scenario -> scenario.name().equals(name))
                .findFirst();
    }

    /** Every process of {@code service} (each replica) killed at once; the supervisor restarts them. */
    private static FaultInjection killed(String service) {
        return new FaultInjection() {
            @Override
            public void inject(ChaosStack stack) {
                stack.replicasOf(service).parallelStream().forEach(stack::kill);
            }

            @Override
            public void heal(ChaosStack stack) throws InterruptedException {
                for (String replica : stack.replicasOf(service)) {
                    stack.awaitRunning(replica, RESTART_TIMEOUT);
                }
            }
        };
    }

    /** The server ended (SIGKILL, or SIGTERM when not {@code kill}) and kept down until healed. */
    private static FaultInjection heldDown(String server, boolean kill) {
        return new FaultInjection() {
            @Override
            public void inject(ChaosStack stack) {
                stack.hold(server);
                if (kill) {
                    stack.kill(server);
                } else {
                    stack.terminate(server);
                }
            }

            @Override
            public void heal(ChaosStack stack) throws InterruptedException {
                stack.release(server);
                stack.awaitRunning(server, RESTART_TIMEOUT);
            }
        };
    }

    private static FaultInjection network(Function<ChaosStack, List<FaultProxy>> proxies, Fault fault) {
        return new FaultInjection() {
            @Override
            public void inject(ChaosStack stack) {
                proxies.apply(stack).forEach(proxy -> proxy.inject(fault));
            }

            @Override
            public void heal(ChaosStack stack) {
                proxies.apply(stack).forEach(FaultProxy::heal);
            }
        };
    }
}
