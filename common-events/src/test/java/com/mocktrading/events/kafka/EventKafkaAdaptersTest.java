package com.mocktrading.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.events.EventDeserializationException;
import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class EventKafkaAdaptersTest {

    private final Serializer<EventEnvelope<TradeExecutedPayload>> serializer =
            EventKafkaSerializer.forTopic(Topics.TRADE_EXECUTED);
    private final Deserializer<EventEnvelope<TradeExecutedPayload>> deserializer =
            new EventKafkaDeserializer<>(Topics.TRADE_EXECUTED.serde());

    @Test
    void roundTripsAnEventThroughSerializerAndDeserializer() {
        // given
        var payload = new TradeExecutedPayload(
                "ord-9",
                "carol",
                "NVDA",
                2,
                Side.SELL,
                ExecutionStatus.EXECUTED,
                new BigDecimal("950.1200"),
                Instant.parse("2026-11-24T03:00:00.123Z"),
                null);
        var event = Topics.TRADE_EXECUTED.newEventWithId("ord-9", "flink-execution-job", payload, null);

        // when
        byte[] bytes = serializer.serialize("trade_executed", event);
        var back = deserializer.deserialize("trade_executed", bytes);

        // then
        assertThat(back).isEqualTo(event);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"executionPrice\":\"950.1200\"");
    }

    @Test
    void keepsTombstonesNull() {
        assertThat(serializer.serialize("trade_executed", null)).isNull();
        assertThat(deserializer.deserialize("trade_executed", null)).isNull();
    }

    @Test
    void deserializerReportsInvalidRecordsWithTheContractException() {
        assertThatThrownBy(() -> deserializer.deserialize("trade_executed", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessage("trade_executed event: missing required field 'eventId'");
    }
}
