package com.mocktrading.persistence.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TraceContext;
import com.mocktrading.events.TradeExecutedPayload;
import com.mocktrading.persistence.source.TradeRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class StoredTradeConverterTest {

    private static final TraceContext TRACED =
            TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    private static final StoredTradeConverter TO_ID_AND_SYMBOL = new StoredTradeConverter(event ->
            new StoredTrade(event.eventId(), "somewhere", event.payload().symbol()));

    @Test
    void shapesAValidEventForItsStore() {
        StoredTrade stored = TO_ID_AND_SYMBOL.apply(new TradeRecord("trades@0:7", event("o-1"), null, null), null);

        assertThat(stored).isEqualTo(new StoredTrade("outcome-o-1", "somewhere", "ACME", TRACED));
        assertThat(stored.isUnstorable()).isFalse();
    }

    @Test
    void aTradesWriteContinuesTheEmittingSpanOfItsHeaderElseTheEventsOwnContext() {
        String emitted = "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01";

        assertThat(TO_ID_AND_SYMBOL
                        .apply(new TradeRecord("trades@0:7", event("o-1"), emitted, null), null)
                        .trace())
                .isEqualTo(TraceContext.of(emitted));
        assertThat(TO_ID_AND_SYMBOL
                        .apply(new TradeRecord("trades@0:7", event("o-1"), null, null), null)
                        .trace())
                .isEqualTo(TRACED);
    }

    @Test
    void aRecordThatIsNoEventBecomesAnUnstorableEntryNamedByItsPosition() {
        StoredTrade stored = TO_ID_AND_SYMBOL.apply(
                new TradeRecord("trades@2:41", "not an event".getBytes(StandardCharsets.UTF_8), null, null), null);

        assertThat(stored.isUnstorable()).isTrue();
        assertThat(stored.id()).isEqualTo("trades@2:41");
        assertThat(stored.body()).isEqualTo("not an event");
        assertThat(stored.unstorableReason()).startsWith("not a valid trade_executed event: ");
    }

    @Test
    void anEventItsStoreCannotShapeBecomesAnUnstorableEntryToo() {
        StoredTradeConverter refusing = new StoredTradeConverter(event -> {
            throw new ArithmeticException("Overflow");
        });

        assertThat(refusing.apply(new TradeRecord("trades@0:8", event("o-2"), null, null), null)
                        .unstorableReason())
                .isEqualTo("not a valid trade_executed event: Overflow");
    }

    @Test
    void recordsTravelWithFlinksPojoSerializerNotKryo() {
        assertThat(TypeInformation.of(TradeRecord.class)).isInstanceOf(PojoTypeInfo.class);
    }

    private static byte[] event(String orderId) {
        return Topics.TRADE_EXECUTED
                .serde()
                .serialize(Topics.TRADE_EXECUTED.newEventWithId(
                        "outcome-" + orderId,
                        "flink-execution-job",
                        new TradeExecutedPayload(
                                orderId,
                                "u-1",
                                "ACME",
                                3,
                                Side.BUY,
                                ExecutionStatus.EXECUTED,
                                new BigDecimal("10.25"),
                                Instant.parse("2026-11-30T12:00:00Z"),
                                null),
                        TRACED));
    }
}
