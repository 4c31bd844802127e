package com.mocktrading.query.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.platform.error.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "ACME", "BRK.B", "0123456789"})
    void acceptsContractSymbols(String symbol) {
        List<FieldError> errors = new ArrayList<>();

        assertThat(QueryParameters.symbol(symbol, errors)).isEqualTo(symbol);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme", "ACME ", "ELEVENCHARS", "A-B", "A'", "A\\", "A%", "Ä", "A\n"})
    void refusesAnythingElse(String symbol) {
        List<FieldError> errors = new ArrayList<>();

        assertThat(QueryParameters.symbol(symbol, errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("symbol");
    }

    @Test
    void readsIsoInstantsWithOffsetsToTheMillisecond() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(QueryParameters.instant("from", "2026-11-24T03:00:00.123+01:00", errors))
                .isEqualTo(Instant.parse("2026-11-24T02:00:00.123Z"));
        assertThat(QueryParameters.instant("from", null, errors)).isNull();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-24",
                "2026-11-24T03:00:00",
                "2026-11-24 03:00:00Z",
                "1795489200",
                "2026-11-24T03:00:00.0001Z",
                "1969-12-31T23:59:59.999Z",
                "2100-01-01T00:00:00.001Z",
                ""
            })
    void refusesOtherTimestamps(String text) {
        List<FieldError> errors = new ArrayList<>();

        assertThat(QueryParameters.instant("to", text, errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("to");
    }
}
