package com.mocktrading.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void parsesTheContractsLabelsOnly() {
        assertThat(Interval.parse("15m")).contains(Interval.FIFTEEN_MINUTES);
        assertThat(Interval.parse("1d")).contains(Interval.ONE_DAY);
        assertThat(Interval.parse("1M")).isEmpty();
        assertThat(Interval.parse("60s")).isEmpty();
    }

    @Test
    void countsAPartialIntervalAsOne() {
        Instant from = Instant.parse("2026-11-24T00:00:00Z");

        assertThat(Interval.ONE_MINUTE.intervalsIn(from, from)).isZero();
        assertThat(Interval.ONE_MINUTE.intervalsIn(from, from.plusMillis(1))).isEqualTo(1);
        assertThat(Interval.ONE_MINUTE.intervalsIn(from, from.plusSeconds(86_400)))
                .isEqualTo(1_440);
        assertThat(Interval.ONE_MINUTE.intervalsIn(
                        from, from.plusSeconds(86_400).plusMillis(1)))
                .isEqualTo(1_441);
    }
}
