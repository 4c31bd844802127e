package com.mocktrading.simulator.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.events.Topics;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.localstack.SharedServers;
import com.mocktrading.localstack.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SimulatorKafkaIntegrationTest {

    @Test
    void publishesValidMarketDataKeyedBySymbol() throws Exception {
        String kafka = SharedServers.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(Topics.MARKET_DATA.name(), Topics.PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        PriceFeed feed = new PriceFeed(SymbolUniverse.of(20, 42), 0, 1, 42, 120);

        long published;
        long acknowledged;
        try (MarketDataPublisher publisher = new MarketDataPublisher(kafka)) {
            published = new SimulationLoop(feed, publisher, 400)
                    .run(Duration.ofSeconds(1), Duration.ofSeconds(5), (count, last) -> {});
            publisher.close();
            acknowledged = publisher.sent();
        }

        List<ConsumerRecord<String, String>> records =
                TopicReader.readCommitted(kafka).readToEnd(Topics.MARKET_DATA.name(), Duration.ofSeconds(30));
        assertThat(published).isGreaterThan(100);
        assertThat(acknowledged).isEqualTo(published);
        assertThat(records).hasSize((int) published).allSatisfy(record -> {
            EventEnvelope<MarketDataPayload> event =
                    Topics.MARKET_DATA.serde().deserialize(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(record.key()).isEqualTo(event.payload().symbol());
            assertThat(event.sourceService()).isEqualTo("price-simulator");
        });
    }
}
