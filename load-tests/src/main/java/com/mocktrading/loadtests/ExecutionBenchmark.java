package com.mocktrading.loadtests;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.execution.ExecutionStore;
import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.portfolio.PortfolioStore;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.domain.execution.OrderExecutor;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.price.LatestPrice;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.loadtests.support.LatencyRecorder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Measures the execution job of a running local system: orders written straight into trade_orders (as
 * order-service would) at a fixed rate, and their outcomes read back from trade_executed (read_committed),
 * giving executed orders/s and acceptance-to-execution latency. As the baseline of the same run, the same
 * DynamoDB transactions driven directly by threads, without Kafka or Flink, on scratch tables it deletes. What
 * the job executed is real: order records, funded portfolios and their outcome events, as the check expects.
 *
 * <pre>./mvnw -q -pl load-tests exec:java -Dexec.mainClass=com.mocktrading.loadtests.ExecutionBenchmark \
 *   -Dexec.args="--rate=200 --duration=30"</pre>
 */
public final class ExecutionBenchmark {

    private static final CommandLine COMMAND = CommandLine.command(
                    "ExecutionBenchmark [options]", "Order execution throughput and latency, with its baselines.")
            .option("rate", "N", "orders per second offered", "200")
            .option("users", "N", "funded users", "200")
            .option("threads", "N", "executor threads of the in-process baseline", "8")
            .option("duration", "S", "seconds of each measured phase", "30")
            .stores(StoreOption.KAFKA, StoreOption.DYNAMODB, StoreOption.REDIS);

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        String kafka = options.get(StoreOption.KAFKA);
        int rate = Integer.parseInt(options.get("rate"));
        int users = Integer.parseInt(options.get("users"));
        int threads = Integer.parseInt(options.get("threads"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        String run = UUID.randomUUID().toString().substring(0, 6);

        try (DynamoDbClient dynamo = DynamoDbClients.create(options.get(StoreOption.DYNAMODB))) {
            RedisClient redis = RedisClient.create(options.get(StoreOption.REDIS));
            try (StatefulRedisConnection<String, String> connection = redis.connect()) {
                PriceCache prices = new PriceCache(() -> connection);
                prices.update(new LatestPrice("XBENCH", new BigDecimal("1.00"), Instant.now()));
                PortfolioStore portfolios =
                        new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS, TableDefinitions.FUNDING);
                System.out.printf(
                        "execution benchmark: %d users, %d orders/s offered, %d s, baseline %d threads%n",
                        users, rate, duration.toSeconds(), threads);

                double raw = baseline(dynamo, prices, run, users, threads, duration);
                Result job = throughJob(kafka, portfolios, "job-" + run, users, rate, duration);

                System.out.printf("%-44s %10s %9s %9s %9s%n", "path", "orders/s", "p50 ms", "p99 ms", "max ms");
                System.out.printf(
                        "%-44s %10.1f %9s %9s %9s%n", "baseline: DynamoDB transactions, no Flink", raw, "-", "-", "-");
                System.out.printf(
                        "%-44s %10.1f %9.1f %9.1f %9.1f%n",
                        "trade_orders -> job -> trade_executed",
                        job.throughput,
                        job.latency.percentileMillis(0.5),
                        job.latency.percentileMillis(0.99),
                        job.latency.percentileMillis(1.0));
                System.out.printf(
                        "job throughput / raw transaction rate: %.2f (offered %d/s; %d of %d orders"
                                + " had their outcome in time)%n",
                        job.throughput / raw, rate, job.latency.count(), job.sent);
            } finally {
                redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }

    private record Result(double throughput, LatencyRecorder latency, int sent) {}

    /**
     * The execution job's own work (read, decide, one transaction), as fast as threads can drive it, on scratch
     * copies of the tables that are deleted afterwards: orders executed without an outcome event must not stay
     * where the consistency check looks.
     */
    private static double baseline(
            DynamoDbClient dynamo, PriceCache prices, String run, int users, int threads, Duration duration)
            throws Exception {
        String suffix = "-bench-" + run;
        List<String> scratch = new ArrayList<>();
        try {
            for (CreateTableRequest table : TableDefinitions.all(suffix)) {
                dynamo.createTable(table);
                scratch.add(table.tableName());
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
            }
            return baselineOn(dynamo, prices, suffix, "raw-" + run, users, threads, duration);
        } finally {
            for (String table : scratch) {
                dynamo.deleteTable(b -> b.tableName(table));
            }
        }
    }

    private static double baselineOn(
            DynamoDbClient dynamo,
            PriceCache prices,
            String suffix,
            String prefix,
            int users,
            int threads,
            Duration duration)
            throws Exception {
        PortfolioStore portfolios =
                new PortfolioStore(dynamo, TableDefinitions.PORTFOLIOS + suffix, TableDefinitions.FUNDING + suffix);
        provision(portfolios, prefix, users);
        OrderStore orders = new OrderStore(dynamo, TableDefinitions.ORDERS + suffix);
        OrderExecutor executor = new OrderExecutor(
                user -> portfolios.find(user, PortfolioStore.Consistency.STRONG),
                new ExecutionStore(dynamo, TableDefinitions.PORTFOLIOS + suffix, TableDefinitions.ORDERS + suffix),
                prices::latest,
                Clock.systemUTC(),
                Duration.ofSeconds(60),
                20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                int done = 0;
                // each thread owns its users, as the job's per-user ordering would
                for (int i = thread; System.nanoTime() < end; i += threads) {
                    TradeOrderPayload order = order(prefix + ((i / threads) * threads + thread) % users);
                    orders.recordAccepted(OrderRecord.accepted(
                            order.orderId(),
                            order.userId(),
                            order.symbol(),
                            order.side(),
                            order.quantity(),
                            order.orderTimestamp(),
                            BigDecimal.ONE));
                    executor.execute(order);
                    done++;
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> worker : workers) {
            total += worker.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static Result throughJob(
            String kafka, PortfolioStore portfolios, String prefix, int users, int rate, Duration duration)
            throws Exception {
        provision(portfolios, prefix, users);
        LatencyRecorder latency = new LatencyRecorder();
        Set<String> seen = new HashSet<>();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService consumerThread = Executors.newSingleThreadExecutor();
        Future<Double> consumed = consumerThread.submit(() -> consume(kafka, prefix, latency, seen, sentAt, producing));
        Thread.sleep(2000); // consumer assigned before the first order
        int sent = produce(kafka, prefix, users, rate, duration, sentAt);
        Thread.sleep(10_000); // let the last orders drain through a few checkpoints
        producing.set(false);
        double throughput = consumed.get();
        consumerThread.shutdown();
        return new Result(throughput, latency, sent);
    }

    private static int produce(
            String kafka, String prefix, int users, int rate, Duration duration, Map<String, Long> sentAt)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            long end = next + duration.toNanos();
            int sent = 0;
            while (System.nanoTime() < end) {
                TradeOrderPayload order = order(prefix + (sent % users));
                sentAt.put(order.orderId(), order.orderTimestamp().toEpochMilli());
                producer.send(new ProducerRecord<>(
                        Topics.TRADE_ORDERS.name(),
                        order.userId(),
                        Topics.TRADE_ORDERS.serde().serialize(Topics.TRADE_ORDERS.newEvent("benchmark", order, null))));
                sent++;
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.flush();
            return sent;
        }
    }

    /** Executed orders per second over the span between the first and the last outcome of this run. */
    private static double consume(
            String kafka,
            String prefix,
            LatencyRecorder latency,
            Set<String> seen,
            Map<String, Long> sentAt,
            AtomicBoolean producing) {
        long first = 0;
        long last = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ConsumerConfig.GROUP_ID_CONFIG,
                "benchmark-" + prefix,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.TRADE_EXECUTED.name()));
            while (producing.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (!record.key().startsWith(prefix)) {
                        continue;
                    }
                    TradeExecutedPayload outcome = Topics.TRADE_EXECUTED
                            .serde()
                            .deserialize(record.value().getBytes(StandardCharsets.UTF_8))
                            .payload();
                    if (seen.add(outcome.orderId())) {
                        long now = System.currentTimeMillis();
                        first = first == 0 ? now : first;
                        last = now;
                        latency.record((now - sentAt.getOrDefault(outcome.orderId(), now)) * 1000, true);
                    }
                }
            }
        }
        return last > first ? seen.size() / ((last - first) / 1000.0) : Double.NaN;
    }

    private static TradeOrderPayload order(String user) {
        Instant now = Instant.now();
        return new TradeOrderPayload(UUID.randomUUID().toString(), user, "XBENCH", 1, Side.BUY, now);
    }

    private static void provision(PortfolioStore portfolios, String prefix, int users) {
        for (int u = 0; u < users; u++) {
            portfolios.provision(prefix + u, new BigDecimal("1000000.00"));
        }
    }
}
