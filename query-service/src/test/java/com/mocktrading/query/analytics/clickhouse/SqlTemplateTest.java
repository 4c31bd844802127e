package com.mocktrading.query.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTemplateTest {

    private static final SqlTemplate LOOKUP = SqlTemplate.of("SELECT x FROM t WHERE s = ? AND n > ? AND at >= ?");

    @Test
    void rendersTypedValuesInOrder() {
        assertThat(LOOKUP.bind("ACME", 5L, Instant.parse("2026-11-24T03:00:00Z")))
                .isEqualTo("SELECT x FROM t WHERE s = 'ACME' AND n > 5 AND at >= toDateTime(1795489200)");
    }

    @Test
    void escapesQuotesAndBackslashesSoAStringStaysOneLiteral() {
        SqlTemplate template = SqlTemplate.of("SELECT * FROM t WHERE symbol = ? LIMIT 10");

        assertThat(template.bind("X' OR '1'='1"))
                .isEqualTo("SELECT * FROM t WHERE symbol = 'X\\' OR \\'1\\'=\\'1' LIMIT 10");
        assertThat(template.bind("\\' OR 1=1 --"))
                .isEqualTo("SELECT * FROM t WHERE symbol = '\\\\\\' OR 1=1 --' LIMIT 10");
        assertThat(template.bind("A'; DROP TABLE trading_trades; --"))
                .isEqualTo("SELECT * FROM t WHERE symbol = 'A\\'; DROP TABLE trading_trades; --' LIMIT 10");
        assertThat(template.bind("trailing\\")).isEqualTo("SELECT * FROM t WHERE symbol = 'trailing\\\\' LIMIT 10");
    }

    @Test
    void leavesAQuestionMarkInAValueAlone() {
        assertThat(SqlTemplate.of("SELECT ?, ?").bind("?", 1L)).isEqualTo("SELECT '?', 1");
    }

    @Test
    void keepsUnicodeAsItIsInsideTheLiteral() {
        assertThat(SqlTemplate.of("SELECT ?").bind("é😀ʼ＇‘")).isEqualTo("SELECT 'é😀ʼ＇‘'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"new\nline", "carriage\r", "nul\u0000", "tab\t", "escape\u001b", "del\u007f", "c1\u0085"})
    void refusesControlCharacters(String text) {
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind("a\uD800b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind("\uDC00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongStrings() {
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind("A".repeat(1_001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parenthesisesNegativeNumbersSoTheyCannotFormAComment() {
        assertThat(SqlTemplate.of("SELECT 1-?").bind(-1L)).isEqualTo("SELECT 1-(-1)");
        assertThat(SqlTemplate.of("SELECT ?").bind(Integer.MIN_VALUE)).isEqualTo("SELECT (-2147483648)");
        assertThat(SqlTemplate.of("SELECT ?").bind(Long.MAX_VALUE)).isEqualTo("SELECT 9223372036854775807");
    }

    @Test
    void rendersOnlyWholeSecondsWithinTheDateTimeRange() {
        assertThat(SqlTemplate.of("SELECT ?").bind(Instant.EPOCH)).isEqualTo("SELECT toDateTime(0)");
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind(Instant.parse("2026-11-24T03:00:00.001Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind(Instant.EPOCH.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlTemplate.of("SELECT ?").bind(Instant.ofEpochSecond(1L << 32)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEveryOtherType() {
        SqlTemplate template = SqlTemplate.of("SELECT ?");
        for (Object value : new Object[] {
            null, 1.5d, 1.5f, new BigDecimal("1.5"), 'c', List.of("a"), new StringBuilder("x"), (short) 1
        }) {
            assertThatThrownBy(() -> template.bind(value))
                    .as("%s", value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no safe SQL literal");
        }
    }

    @Test
    void refusesTheWrongNumberOfValues() {
        assertThatThrownBy(() -> LOOKUP.bind("ACME", 5L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LOOKUP.bind("ACME", 5L, Instant.EPOCH, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsOnlyQuestionMarksOutsideQuotedLiteralsAsPlaceholders() {
        SqlTemplate template = SqlTemplate.of("SELECT 'it\\'s', ? WHERE status = 'EXECUTED'");

        assertThat(template.placeholders()).isEqualTo(1);
        assertThat(template.bind(1L)).isEqualTo("SELECT 'it\\'s', 1 WHERE status = 'EXECUTED'");
        assertThatThrownBy(() -> SqlTemplate.of("SELECT 'what?', ?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlTemplate.of("SELECT 'open, ?")).isInstanceOf(IllegalArgumentException.class);
    }
}
