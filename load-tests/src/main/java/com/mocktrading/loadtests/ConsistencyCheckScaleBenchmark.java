package com.mocktrading.loadtests;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.consistency.ConsistencyCheckCommand;
import com.mocktrading.consistency.Reconciliation;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.core.history.TradeHistory;
import com.mocktrading.core.order.OrderItems;
import com.mocktrading.core.portfolio.FundingLedger;
import com.mocktrading.core.portfolio.PortfolioItems;
import com.mocktrading.domain.execution.OutcomeEvents;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.domain.portfolio.Portfolio;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * How the consistency check scales: seeds {@code --orders} executed orders (ten per user, each user funded and its
 * portfolio exactly its trades) into every store the check reads, then runs the check twice, with all users in
 * one bucket (everything in memory at once, the baseline) and in its own buckets, printing time, throughput and the
 * peak heap of each. Run it against servers of its own, never a local run whose data matters:
 *
 * <pre>./run-local.sh --mode=servers-only --data-dir=/tmp/check-scale   # then, in another terminal:
 * ./mvnw -q -pl load-tests exec:java -Dexec.mainClass=com.mocktrading.loadtests.ConsistencyCheckScaleBenchmark \
 *   -Dexec.args="--orders=1000000"</pre>
 */
public final class ConsistencyCheckScaleBenchmark {

    private static final CommandLine COMMAND = CommandLine.command(
                    "ConsistencyCheckScaleBenchmark [options]",
                    "Seeds orders into a servers-only local run and times the consistency check over them.")
            .option("orders", "N", "orders to seed", "200000")
            .flag("skip-seed", "check what an earlier run seeded")
            .stores(StoreOption.DYNAMODB, StoreOption.KAFKA, StoreOption.ELASTICSEARCH, StoreOption.CLICKHOUSE);

    private static final int ORDERS_PER_USER = 10;
    private static final BigDecimal PRICE = new BigDecimal("10.0000");
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private ConsistencyCheckScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        int orders = Integer.parseInt(options.get("orders"));
        ConsistencyCheckCommand.Endpoints endpoints = new ConsistencyCheckCommand.Endpoints(
                options.get(StoreOption.DYNAMODB),
                options.get(StoreOption.KAFKA),
                options.get(StoreOption.ELASTICSEARCH),
                options.get(StoreOption.CLICKHOUSE));
        if (!options.has("skip-seed")) {
            long began = System.nanoTime();
            seed(endpoints, orders / ORDERS_PER_USER);
            System.out.printf(
                    "seeded %,d orders of %,d users in %.0f s%n",
                    orders, orders / ORDERS_PER_USER, (System.nanoTime() - began) / 1e9);
        }
        Measured baseline = measure(endpoints, 1);
        Measured bucketed = measure(endpoints, 0);
        System.out.printf("%-34s %8s %12s %14s %s%n", "check", "time", "orders/s", "peak heap", "result");
        baseline.print("baseline: one bucket (all in memory)");
        bucketed.print("streamed into its buckets");
        System.out.printf(
                "ratio to the baseline: time x%.2f, peak heap x%.2f%n",
                bucketed.seconds / baseline.seconds, (double) bucketed.peakHeap / baseline.peakHeap);
    }

    private record Measured(double seconds, long peakHeap, Reconciliation.Report report) {
        void print(String label) {
            System.out.printf(
                    "%-34s %7.1fs %12.0f %11d MB %d orders, %d portfolios judged, %d violations%n",
                    label,
                    seconds,
                    report.orders() / seconds,
                    peakHeap >> 20,
                    report.orders(),
                    report.portfoliosJudged(),
                    report.violations().size());
        }
    }

    /** {@code buckets} 0: the check's own choice. */
    private static Measured measure(ConsistencyCheckCommand.Endpoints endpoints, int buckets) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long began = System.nanoTime();
        Reconciliation.Report report = buckets == 0
                ? ConsistencyCheckCommand.run(endpoints, Duration.ZERO)
                : ConsistencyCheckCommand.run(endpoints, Duration.ZERO, buckets);
        double seconds = (System.nanoTime() - began) / 1e9;
        sampler.interrupt();
        return new Measured(seconds, peak.get(), report);
    }

    private static void seed(ConsistencyCheckCommand.Endpoints endpoints, int users) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newHttpClient();
        try (DynamoDbClient dynamo = DynamoDbClients.create(endpoints.dynamoDb());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka(),
                                ProducerConfig.LINGER_MS_CONFIG, 20,
                                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            int chunk = 2_000;
            for (int first = 0; first < users; first += chunk) {
                int from = first;
                int to = Math.min(users, first + chunk);
                List<Future<?>> writes = new ArrayList<>();
                StringBuilder bulk = new StringBuilder();
                StringBuilder rows = new StringBuilder();
                List<Map<String, AttributeValue>> items = new ArrayList<>();
                List<Map<String, AttributeValue>> portfolios = new ArrayList<>();
                List<Map<String, AttributeValue>> funding = new ArrayList<>();
                for (int u = from; u < to; u++) {
                    String user = "scale-user-" + u;
                    Instant last = T;
                    for (int o = 0; o < ORDERS_PER_USER; o++) {
                        last = T.plusSeconds(o + 1);
                        OrderRecord order = new OrderRecord(
                                user + "-o" + o,
                                user,
                                "ACME",
                                Side.BUY,
                                1,
                                OrderStatus.EXECUTED,
                                T,
                                PRICE,
                                PRICE,
                                last,
                                null);
                        items.add(OrderItems.toItem(order));
                        EventEnvelope<TradeExecutedPayload> event = OutcomeEvents.of(order.outcome(), null);
                        producer.send(new ProducerRecord<>(
                                Topics.TRADE_EXECUTED.name(),
                                user,
                                Topics.TRADE_EXECUTED.serde().serialize(event)));
                        bulk.append("{\"index\":{\"_index\":\"")
                                .append(TradeHistory.indexOf(last))
                                .append("\",\"_id\":\"")
                                .append(event.eventId())
                                .append("\"}}\n")
                                .append(TradeHistory.document(event))
                                .append('\n');
                        rows.append(TradeHistory.clickHouseRow(event)).append('\n');
                    }
                    portfolios.add(PortfolioItems.toItem(new Portfolio(
                            user,
                            new BigDecimal("99900.00"),
                            Map.of("ACME", (long) ORDERS_PER_USER),
                            Map.of("ACME", new BigDecimal("100.00")),
                            BigDecimal.ZERO,
                            last,
                            ORDERS_PER_USER)));
                    funding.add(Map.of(
                            FundingLedger.USER_ID, AttributeValue.fromS(user),
                            FundingLedger.ENTRY_ID, AttributeValue.fromS(FundingLedger.OPENING),
                            FundingLedger.AMOUNT, AttributeValue.fromN("100000.00"),
                            FundingLedger.AT, AttributeValue.fromS(T.toString())));
                }
                writes.add(writers.submit(() -> batchWrite(dynamo, TableDefinitions.ORDERS, items)));
                writes.add(writers.submit(() -> batchWrite(dynamo, TableDefinitions.PORTFOLIOS, portfolios)));
                writes.add(writers.submit(() -> batchWrite(dynamo, TableDefinitions.FUNDING, funding)));
                writes.add(writers.submit(() ->
                        post(http, endpoints.elasticsearch() + "/_bulk", "application/x-ndjson", bulk.toString())));
                writes.add(writers.submit(() -> post(
                        http,
                        endpoints.clickHouse() + "/?query="
                                + URLEncoder.encode(
                                        "INSERT INTO " + TradeHistory.TABLE + " FORMAT JSONEachRow",
                                        StandardCharsets.UTF_8),
                        "application/json",
                        rows.toString())));
                for (Future<?> write : writes) {
                    write.get();
                }
                System.out.printf("  %,d users seeded%n", to);
            }
            producer.flush();
            post(
                    http,
                    endpoints.elasticsearch() + "/" + TradeHistory.INDEX_PATTERN + "/_refresh",
                    "application/json",
                    "");
        } finally {
            writers.shutdownNow();
        }
    }

    private static Void batchWrite(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(
                    table,
                    items.subList(i, Math.min(items.size(), i + 25)).stream()
                            .map(item -> WriteRequest.builder()
                                    .putRequest(PutRequest.builder().item(item).build())
                                    .build())
                            .toList());
            while (!pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty()) {
                BatchWriteItemResponse response = dynamo.batchWriteItem(
                        BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.unprocessedItems();
            }
        }
        return null;
    }

    private static Void post(HttpClient http, String url, String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return null;
    }
}
