package com.mocktrading.execution.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.execution.records.Outcome;
import com.mocktrading.execution.records.PendingOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class EventSerializerTest {

    private static final EventEnvelope<TradeExecutedPayload> OUTCOME = Topics.TRADE_EXECUTED.newEventWithId(
            "outcome-o-1",
            "flink-execution-job",
            new TradeExecutedPayload(
                    "o-1",
                    "user-1",
                    "ACME",
                    7,
                    Side.SELL,
                    ExecutionStatus.EXECUTED,
                    new BigDecimal("101.2500"),
                    Instant.parse("2026-11-30T23:59:59.123Z"),
                    null),
            TraceContext.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

    @Test
    void anEventRoundTripsExactlyAsItsTopicsJson() throws Exception {
        EventSerializer<TradeExecutedPayload> serializer = new EventSerializer<>(Topics.TRADE_EXECUTED);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(OUTCOME, out);

        EventEnvelope<TradeExecutedPayload> read =
                serializer.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));

        assertThat(read).isEqualTo(OUTCOME);
        assertThat(read.payload().executionPrice()).hasToString("101.2500");
    }

    @Test
    void copyingSerializedBytesNeedsNoParsing() throws Exception {
        EventSerializer<TradeExecutedPayload> serializer = new EventSerializer<>(Topics.TRADE_EXECUTED);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(OUTCOME, out);
        DataOutputSerializer copied = new DataOutputSerializer(4096); // copy() writes into it without growing it

        serializer.copy(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()), copied);

        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    }

    @Test
    void aRestoredSnapshotNamesTheSameTopicAndIsCompatibleAsIs() throws Exception {
        TypeSerializer<EventEnvelope<TradeExecutedPayload>> serializer = new EventSerializer<>(Topics.TRADE_EXECUTED);
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());

        TypeSerializerSnapshot<EventEnvelope<TradeExecutedPayload>> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()),
                        getClass().getClassLoader());

        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(restored)
                        .isCompatibleAsIs())
                .isTrue();
        assertThat(new EventSerializer<>(Topics.TRADE_ORDERS)
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(restoredAs(restored))
                        .isIncompatible())
                .isTrue();
    }

    @Test
    void outcomesAndPendingOutcomesArePojosWhoseEventUsesTheEventSerializerNeverKryo() {
        TypeInformation<Outcome> outcome = TypeInformation.of(Outcome.class);
        TypeInformation<PendingOutcome> pending = TypeInformation.of(PendingOutcome.class);

        assertThat(outcome).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<Outcome>) outcome).getTypeAt("event"))
                .isEqualTo(EventTypeInfo.of(Topics.TRADE_EXECUTED));
        assertThat(pending).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<PendingOutcome>) pending).getTypeAt("outcome"))
                .isEqualTo(outcome);
        assertThat(outcome.createSerializer(new SerializerConfigImpl()).copy(new Outcome(OUTCOME, true)))
                .isEqualTo(new Outcome(OUTCOME, true));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> TypeSerializerSnapshot<T> restoredAs(TypeSerializerSnapshot<?> snapshot) {
        return (TypeSerializerSnapshot) snapshot;
    }
}
