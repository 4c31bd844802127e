package com.mocktrading.schema.kafka;

import com.mocktrading.events.Topic;
import com.mocktrading.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Creates every topic of the {@link Topics} catalogue with its partition count. Existing topics are kept;
 * one with fewer partitions than the catalogue is grown (never shrunk: Kafka cannot, and keys would move).
 */
public final class KafkaTopicsBootstrap {

    private final String bootstrapServers;
    private final short replicationFactor;

    public KafkaTopicsBootstrap(String bootstrapServers, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
    }

    /** Returns one line per topic saying what was done. */
    public List<String> apply() throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> report = new ArrayList<>();
            for (TopicSpec topic : specs()) {
                report.add(existing.contains(topic.name()) ? reconcile(admin, topic) : create(admin, topic));
            }
            return report;
        }
    }

    /** The event topics of the catalogue and the dead-letter topics beside trade_orders and trade_executed. */
    static List<TopicSpec> specs() {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            specs.add(new TopicSpec(topic.name(), topic.partitions()));
        }
        specs.add(new TopicSpec(Topics.TRADE_ORDERS_DEAD_LETTERS, Topics.PARTITIONS));
        specs.add(new TopicSpec(Topics.TRADE_EXECUTED_DEAD_LETTERS, Topics.PARTITIONS));
        return specs;
    }

    record TopicSpec(String name, int partitions) {}

    private String create(Admin admin, TopicSpec topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                .configs(Map.of("min.insync.replicas", Integer.toString(Math.min(2, replicationFactor))));
        try {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
            return "kafka topic " + topic.name() + ": created with " + topic.partitions() + " partitions";
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                return reconcile(admin, topic); // created concurrently by another bootstrap
            }
            throw e;
        }
    }

    private String reconcile(Admin admin, TopicSpec topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic.name()))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic.name());
        int actual = description.partitions().size();
        if (actual < topic.partitions()) {
            admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.partitions())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            return "kafka topic " + topic.name() + ": grown from " + actual + " to " + topic.partitions()
                    + " partitions";
        }
        return "kafka topic " + topic.name() + ": exists with " + actual + " partitions";
    }
}
