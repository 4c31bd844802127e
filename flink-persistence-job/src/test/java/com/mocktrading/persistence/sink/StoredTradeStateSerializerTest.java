package com.mocktrading.persistence.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.TraceContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class StoredTradeStateSerializerTest {

    @Test
    void keepsBufferedTradesAcrossACheckpoint() throws Exception {
        StoredTradeStateSerializer serializer = new StoredTradeStateSerializer();
        List<StoredTrade> trades = List.of(
                new StoredTrade("e-1", "trading_trades-2026-11", "{\"symbol\":\"ACME\",\"note\":\"ünïcødé\"}"),
                new StoredTrade("e-2", "trading_trades", "{}"),
                new StoredTrade("e-3", "trading_trades", "{}")
                        .tracedBy(new TraceContext(
                                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE")));
        BufferedRequestState<StoredTrade> state = new BufferedRequestState<>(trades.stream()
                .map(trade -> new RequestEntryWrapper<>(trade, trade.sizeInBytes()))
                .toList());

        BufferedRequestState<StoredTrade> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(trades);
    }

    @Test
    void restoresACheckpointOfTheFirstVersionWithoutTraceContext() throws Exception {
        StoredTrade trade = new StoredTrade("e-1", "trading_trades-2026-11", "{\"symbol\":\"ACME\"}");
        BufferedRequestState<StoredTrade> state =
                new BufferedRequestState<>(List.of(new RequestEntryWrapper<>(trade, trade.sizeInBytes())));

        BufferedRequestState<StoredTrade> restored =
                new StoredTradeStateSerializer().deserialize(1, new FirstVersion().serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactly(trade);
    }

    /** Version 1 as it was written: three length-prefixed strings. */
    private static final class FirstVersion extends AsyncSinkWriterStateSerializer<StoredTrade> {

        @Override
        protected void serializeRequestToStream(StoredTrade trade, DataOutputStream out) throws IOException {
            for (String text : List.of(trade.id(), trade.destination(), trade.body())) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }

        @Override
        protected StoredTrade deserializeRequestFromStream(long size, DataInputStream in) {
            throw new UnsupportedOperationException("writes only");
        }

        @Override
        public int getVersion() {
            return 1;
        }
    }
}
