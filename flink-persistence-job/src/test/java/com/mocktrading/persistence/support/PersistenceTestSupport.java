package com.mocktrading.persistence.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.flink.SharedFlinkCluster;
import com.mocktrading.localstack.kafka.TopicReader;
import com.mocktrading.persistence.PersistenceJob;
import com.mocktrading.persistence.PersistenceJobConfig;
import com.mocktrading.persistence.deadletter.DeadLetters;
import com.mocktrading.schema.SchemaTargets;
import com.mocktrading.schema.SharedSchema;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real Kafka, Elasticsearch, ClickHouse and Flink for the persistence job's tests. Each test runs on its own
 * topic and users; the indices and the table are the system's own, so checks filter by user.
 */
public final class PersistenceTestSupport {

    public static final String KAFKA = SharedServers.kafka().bootstrapServers();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PersistenceTestSupport() {}

    public static void bootstrap(String elasticsearchUrl) {
        SharedSchema.on(new SchemaTargets(
                KAFKA, null, elasticsearchUrl, SharedServers.clickHouse().httpUrl(), (short) 1));
    }

    /** A configuration on a fresh topic of this run, against the given Elasticsearch. */
    public static PersistenceJobConfig config(String run, String elasticsearchUrl, Map<String, String> extra)
            throws Exception {
        bootstrap(elasticsearchUrl);
        Map<String, String> arguments = new HashMap<>(Map.of(
                "kafka",
                KAFKA,
                "topic",
                "trades-" + run,
                "group",
                "persistence-" + run,
                "elasticsearch",
                elasticsearchUrl,
                "clickhouse",
                SharedServers.clickHouse().httpUrl(),
                "checkpoint-interval-ms",
                "500",
                "batch-size",
                "100",
                "max-time-in-buffer-ms",
                "100"));
        arguments.put("dead-letter-topic", "dead-" + run);
        arguments.putAll(extra);
        PersistenceJobConfig config = configOf(arguments);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(
                            new NewTopic(config.topic(), 4, (short) 1),
                            new NewTopic(config.deadLetterTopic(), 1, (short) 1)))
                    .all()
                    .get();
        }
        return config;
    }

    /** The job's configuration from these options, as its command line would give them. */
    public static PersistenceJobConfig configOf(Map<String, String> options) {
        return PersistenceJobConfig.fromCommandLine(options.entrySet().stream()
                .map(option -> "--" + option.getKey() + "=" + option.getValue())
                .toArray(String[]::new));
    }

    public static JobClient start(PersistenceJobConfig config, String name) throws Exception {
        return start(config, name, new Configuration());
    }

    /** Starts the job, with {@code extra} on top of the job's own environment (e.g. a checkpoint to restore). */
    public static JobClient start(PersistenceJobConfig config, String name, Configuration extra) throws Exception {
        Configuration configuration = PersistenceJob.environment();
        configuration.addAll(extra);
        StreamExecutionEnvironment env = SharedFlinkCluster.get().remoteEnvironment(configuration);
        PersistenceJob.build(env, config);
        return env.executeAsync(name);
    }

    public static String newRun() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An outcome as the execution job emits it: the eventId derived from the order id, so replays keep it. */
    public static EventEnvelope<TradeExecutedPayload> trade(
            String user, String symbol, long quantity, String price, Instant at) {
        String orderId = UUID.randomUUID().toString();
        TradeExecutedPayload payload = price == null
                ? new TradeExecutedPayload(
                        orderId,
                        user,
                        symbol,
                        quantity,
                        Side.BUY,
                        ExecutionStatus.FAILED_INSUFFICIENT_FUNDS,
                        null,
                        at,
                        "not enough cash")
                : new TradeExecutedPayload(
                        orderId,
                        user,
                        symbol,
                        quantity,
                        Side.BUY,
                        ExecutionStatus.EXECUTED,
                        new BigDecimal(price),
                        at,
                        null);
        return Topics.TRADE_EXECUTED.newEventWithId("outcome-" + orderId, "flink-execution-job", payload, null);
    }

    public static void produce(String topic, List<EventEnvelope<TradeExecutedPayload>> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (EventEnvelope<TradeExecutedPayload> event : events) {
                producer.send(new ProducerRecord<>(
                        topic,
                        event.payload().userId(),
                        Topics.TRADE_EXECUTED.serde().serialize(event)));
            }
            producer.flush();
        }
    }

    public static void produceRaw(String topic, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "poison", value)).get();
        }
    }

    /** The user's documents as (index, id) pairs, after a refresh. */
    public static Map<String, String> documentsOf(String elasticsearchUrl, String user) throws Exception {
        send(HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/trading_trades-*/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String query = "{\"size\":10000,\"query\":{\"term\":{\"userId\":" + JSON.writeValueAsString(user) + "}}}";
        JsonNode hits = JSON.readTree(send(HttpRequest.newBuilder(
                                URI.create(elasticsearchUrl + "/trading_trades-*/_search?ignore_unavailable=true"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(query))))
                .path("hits")
                .path("hits");
        Map<String, String> documents = new HashMap<>();
        for (JsonNode hit : hits) {
            if (documents.put(hit.path("_id").asText(), hit.path("_index").asText()) != null) {
                throw new AssertionError("document " + hit.path("_id").asText() + " stored twice");
            }
        }
        return documents;
    }

    /**
     * The user's rows in ClickHouse: {@code [rows, distinct events, executed quantity, executed notional]}, the
     * last two counted once per event. (Test SQL: the user is a generated UUID.)
     */
    public static List<String> clickHouseTotals(String user) throws Exception {
        String where = " FROM trading_trades WHERE user_id = '" + user + "'";
        String[] rows =
                clickHouse("SELECT count(), uniqExact(event_id)" + where).split("\t");
        String[] executed = clickHouse("SELECT sum(q), toString(sum(n)) FROM (SELECT event_id, any(quantity) AS q,"
                        + " any(quantity) * any(execution_price) AS n" + where + " AND status = 'EXECUTED'"
                        + " GROUP BY event_id)")
                .split("\t");
        return List.of(rows[0], rows[1], executed[0], executed[1]);
    }

    private static String clickHouse(String sql) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(SharedServers.clickHouse().httpUrl() + "/?query="
                                + URLEncoder.encode(sql + " FORMAT TabSeparated", StandardCharsets.UTF_8)))
                        .GET())
                .trim();
    }

    /** The dead letters so far, as pipeline -> reason, read once to the end. */
    public static List<Map.Entry<String, String>> deadLetters(PersistenceJobConfig config) {
        return TopicReader.readCommitted(KAFKA).readToEnd(config.deadLetterTopic(), Duration.ofSeconds(10)).stream()
                .map(record -> Map.entry(
                        new String(
                                record.headers()
                                        .lastHeader(DeadLetters.PIPELINE_HEADER)
                                        .value(),
                                StandardCharsets.UTF_8),
                        new String(
                                record.headers()
                                        .lastHeader(DeadLetters.REASON_HEADER)
                                        .value(),
                                StandardCharsets.UTF_8)))
                .toList();
    }

    /**
     * Polls until the check holds; a check that throws (a store that is down) counts as "not yet", and the last
     * such failure is reported if time runs out.
     */
    public static void awaitUntil(Duration timeout, String what, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " did not happen within " + timeout, last);
    }

    /** Like {@link #awaitUntil(Duration, String, Check)}, and if time runs out, what Flink says of the job. */
    public static void awaitUntil(Duration timeout, String what, Check check, JobClient job)
            throws InterruptedException {
        try {
            awaitUntil(timeout, what, check);
        } catch (AssertionError e) {
            AssertionError explained = new AssertionError(
                    e.getMessage() + "\n" + SharedFlinkCluster.get().diagnosis(job.getJobID()), e.getCause());
            throw explained;
        }
    }

    public interface Check {
        boolean holds() throws Exception;
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
