package com.mocktrading.query.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mocktrading.query.analytics.VolumeBucket;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VolumeRowsTest {

    @Test
    void readsQuotedIntegersAndTheExactNotional() {
        VolumeBucket bucket = VolumeRows.parse(
                "{\"bucket_start\":\"1795489200\",\"symbol\":\"ACME\",\"volume\":\"15\",\"notional\":\"1234.5675\",\"trades\":\"2\"}");

        assertThat(bucket)
                .isEqualTo(new VolumeBucket(
                        Instant.parse("2026-11-24T03:00:00Z"), "ACME", 15, new BigDecimal("1234.57"), 2));
    }

    @Test
    void readsUnquotedNumbersExactlyToo() {
        VolumeBucket bucket =
                VolumeRows.parse("{\"bucket_start\":1795489200,\"symbol\":\"ACME\",\"volume\":9007199254740993,"
                        + "\"notional\":90071992547409.9305,\"trades\":1}");

        assertThat(bucket.volume()).isEqualTo(9_007_199_254_740_993L);
        assertThat(bucket.notional()).isEqualByComparingTo("90071992547409.93");
    }

    @Test
    void keepsPrecisionADoubleWouldLose() {
        VolumeBucket bucket = VolumeRows.parse("{\"bucket_start\":\"0\",\"symbol\":\"A\",\"volume\":\"1\","
                + "\"notional\":\"12345678901234.0050\",\"trades\":\"1\"}");

        assertThat(bucket.notional()).isEqualTo(new BigDecimal("12345678901234.00"));
    }

    @Test
    void refusesARowWithoutItsColumns() {
        assertThatThrownBy(() -> VolumeRows.parse("{\"bucket_start\":\"0\",\"symbol\":\"A\"}"))
                .isInstanceOf(IllegalStateException.class);
    }
}
