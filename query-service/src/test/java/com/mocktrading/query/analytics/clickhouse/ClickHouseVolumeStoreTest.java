package com.mocktrading.query.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.query.analytics.Interval;
import com.mocktrading.query.analytics.VolumeQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClickHouseVolumeStoreTest {

    private static final Instant FROM = Instant.parse("2026-11-24T03:00:00.500Z");
    private static final Instant TO = Instant.parse("2026-11-24T04:00:00.000Z");

    @Test
    void deduplicatesByEventIdBeforeSummingAndFiltersInWhere() {
        String sql = ClickHouseVolumeStore.sql(new VolumeQuery("ACME", FROM, TO, Interval.FIVE_MINUTES), 101);

        assertThat(sql)
                .contains("GROUP BY event_id")
                .contains("any(quantity) AS trade_quantity")
                .contains("WHERE status = 'EXECUTED'")
                .contains("intDiv(toUInt32(trade_time), 300) * 300 AS bucket_start")
                .contains("AND symbol = 'ACME'")
                .contains("ORDER BY bucket_start, symbol")
                .contains("LIMIT 101")
                .endsWith("FORMAT JSONEachRow\n")
                .doesNotContain("HAVING")
                .doesNotContain("?");
    }

    @Test
    void boundsWholeSecondsForThePartitionsAndMillisecondsExactly() {
        String sql = ClickHouseVolumeStore.sql(new VolumeQuery(null, FROM, TO, Interval.ONE_MINUTE), 10);

        // 03:00:00.500 is in second 1795489200; the last second before 04:00:00.000 (exclusive) is 1795492799.
        assertThat(sql)
                .contains("execution_time >= toDateTime(1795489200) AND execution_time <= toDateTime(1795492799)")
                .contains("execution_millis >= 1795489200500")
                .contains("execution_millis < 1795492800000")
                .doesNotContain("symbol =");
    }
}
