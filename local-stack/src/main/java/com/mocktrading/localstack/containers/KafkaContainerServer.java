package com.mocktrading.localstack.containers;

import com.mocktrading.localstack.StackVersions;
import com.mocktrading.localstack.kafka.KafkaEndpoint;
import com.mocktrading.localstack.kafka.KafkaServer;
import java.util.Locale;
import org.testcontainers.kafka.KafkaContainer;

/** Apache Kafka's own image in KRaft mode, configured as the broker the tests run here ({@link KafkaServer}). */
public final class KafkaContainerServer extends ContainerServer<KafkaContainer> implements KafkaEndpoint {

    private static final String IMAGE = StackVersions.serverImage("kafka");

    public KafkaContainerServer() {
        super("kafka", IMAGE, configured(new KafkaContainer(IMAGE)));
    }

    private static KafkaContainer configured(KafkaContainer container) {
        // The image reads broker settings from KAFKA_-prefixed variables, dots as underscores.
        KafkaServer.BEHAVIOUR.forEach((setting, value) ->
                container.withEnv("KAFKA_" + setting.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return container;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }
}
