package com.mocktrading.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.localstack.kafka.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaRoundTripIntegrationTest {

    private final String bootstrap = SharedServers.kafka().bootstrapServers();

    @Test
    void consumerReadsWhatAnIdempotentProducerWroteInKeyOrder() throws Exception {
        // Given a topic with three partitions
        String topic = "round-trip-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }

        // When an acks=all idempotent producer writes ten records for one key
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "alice", "order-" + i))
                        .get();
            }
        }

        // Then a consumer group member reads them all, in order, from one partition
        List<ConsumerRecord<String, String>> received =
                TopicReader.readCommitted(bootstrap).read(topic, 10, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(received)
                .extracting(ConsumerRecord::value)
                .containsExactly(
                        "order-0", "order-1", "order-2", "order-3", "order-4", "order-5", "order-6", "order-7",
                        "order-8", "order-9");
        assertThat(received.stream().map(ConsumerRecord::partition).distinct().toList())
                .hasSize(1);
        assertThat(Set.copyOf(received.stream().map(ConsumerRecord::key).toList()))
                .containsExactly("alice");
    }
}
