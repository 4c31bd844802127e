package com.mocktrading.consistency;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.core.dynamodb.DynamoDbClients;
import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.domain.execution.OutcomeEvents;
import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code bin/republish-outcomes}: the recovery for the consistency check's "decided but has no outcome event in
 * trade_executed". For every order decided in DynamoDB more than {@code --settle-seconds} ago (default 600,
 * beyond the execution job's 5-minute transaction timeout, so no transaction that could still carry it is open)
 * whose outcome trade_executed lacks, it publishes the outcome rebuilt from the order record, under the event id
 * the execution job gives it: the read models take it as theirs, and a job that later reads it back counts it as
 * published. {@code --order=ID[,ID...]} limits it to those orders; {@code --dry-run=true} only lists them.
 *
 * <pre>--dynamodb=http://127.0.0.1:8000 --kafka=127.0.0.1:9092 --settle-seconds=600 [--order=...] [--dry-run=true]
 * </pre>
 */
public final class RepublishOutcomesCommand {

    private static final CommandLine COMMAND = CommandLine.command(
                    "bin/republish-outcomes [options]",
                    "Publishes the stored outcome of each decided order whose trade_executed event is missing.")
            .stores(StoreOption.DYNAMODB)
            .stores(StoreOption.KAFKA)
            .option("settle-seconds", "S", "only orders decided longer ago than this", "600")
            .option("order", "ID[,ID...]", "only these orders")
            .option("dry-run", "true|false", "only list what would be published", "false");

    private RepublishOutcomesCommand() {}

    public static void main(String[] args) throws Exception {
        CommandLine.Arguments options = COMMAND.parseOrExit(args);
        Set<String> only = options.has("order") ? Set.of(options.get("order").split(",")) : Set.of();
        run(
                options.get(StoreOption.DYNAMODB),
                options.get(StoreOption.KAFKA),
                Duration.ofSeconds(Long.parseLong(options.get("settle-seconds"))),
                only,
                Boolean.parseBoolean(options.get("dry-run")),
                System.out);
    }

    /** @return the orders whose outcome was (or, on a dry run, would be) published */
    public static List<String> run(
            String dynamoDbEndpoint, String kafka, Duration settle, Set<String> only, boolean dryRun, PrintStream out)
            throws Exception {
        Instant decidedBefore = Instant.now().minus(settle);
        List<OrderRecord> orders;
        try (DynamoDbClient dynamo = DynamoDbClients.create(dynamoDbEndpoint)) {
            orders = new DynamoDbScans(dynamo).orders(TableDefinitions.ORDERS);
        }
        Set<String> published = new OutcomeLog(kafka, Topics.TRADE_EXECUTED.name())
                .readAll().stream().map(TradeExecutedPayload::orderId).collect(Collectors.toSet());
        List<OrderRecord> missing = orders.stream()
                .filter(order -> only.isEmpty() || only.contains(order.orderId()))
                .filter(order -> order.status().isAccepted() && order.status() != OrderStatus.ACCEPTED)
                .filter(order -> order.executedAt().isBefore(decidedBefore))
                .filter(order -> !published.contains(order.orderId()))
                .toList();
        out.printf(
                "%d decided orders checked, %d without an outcome in %s%s%n",
                orders.size(),
                missing.size(),
                Topics.TRADE_EXECUTED.name(),
                dryRun ? " (dry run: nothing published)" : "");
        if (!dryRun && !missing.isEmpty()) {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka,
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class))) {
                for (OrderRecord order : missing) {
                    EventEnvelope<TradeExecutedPayload> event = OutcomeEvents.of(order.outcome(), null);
                    producer.send(new ProducerRecord<>(
                                    Topics.TRADE_EXECUTED.name(),
                                    order.userId().getBytes(StandardCharsets.UTF_8),
                                    Topics.TRADE_EXECUTED.serde().serialize(event)))
                            .get();
                }
            }
        }
        missing.forEach(order -> out.printf(
                "  order %s of %s: %s %s%n",
                order.orderId(),
                order.userId(),
                order.status(),
                dryRun
                        ? "would be published"
                        : "published as event " + Topics.TRADE_EXECUTED.eventIdOf(order.orderId())));
        return missing.stream().map(OrderRecord::orderId).toList();
    }
}
