package com.mocktrading.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolsTest {

    @Test
    void acceptsTickersAndRefusesEverythingElse() {
        assertThat(List.of("A", "ACME", "BRK.B", "X1234567.9")).allMatch(Symbols::isValid);
        assertThat(new String[] {null, "", "acme", "TOOLONGSYMB", "AC ME", "AC-ME", "ÄCME"})
                .noneMatch(Symbols::isValid);
    }

    @Test
    void isTheSymbolPatternOfEveryEventSchema() {
        for (String topic : List.of("market_data", "trade_orders", "trade_executed")) {
            assertThat(SchemaFiles.current(topic)
                            .path("properties")
                            .path("payload")
                            .path("properties")
                            .path("symbol")
                            .path("pattern")
                            .asText())
                    .as(topic)
                    .isEqualTo("^" + Symbols.PATTERN.pattern() + "$");
        }
    }
}
