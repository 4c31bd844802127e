package com.mocktrading.persistence.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class StoredTradeStateSerializerTest {

    @Test
    void keepsBufferedTradesAcrossACheckpoint() throws Exception {
        StoredTradeStateSerializer serializer = new StoredTradeStateSerializer();
        List<StoredTrade> trades = List.of(
                new StoredTrade("e-1", "trading_trades-2026-11", "{\"symbol\":\"ACME\",\"note\":\"ünïcødé\"}"),
                new StoredTrade("e-2", "trading_trades", "{}"));
        BufferedRequestState<StoredTrade> state = new BufferedRequestState<>(trades.stream()
                .map(trade -> new RequestEntryWrapper<>(trade, trade.sizeInBytes()))
                .toList());

        BufferedRequestState<StoredTrade> restored =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(restored.getBufferedRequestEntries())
                .extracting(RequestEntryWrapper::getRequestEntry)
                .containsExactlyElementsOf(trades);
    }
}
