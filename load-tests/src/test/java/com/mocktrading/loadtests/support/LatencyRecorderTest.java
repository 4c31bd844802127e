package com.mocktrading.loadtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void computesNearestRankPercentilesOfSuccessfulCallsOnly() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 100; i >= 1; i--) {
            recorder.record(i * 1000L, true);
        }
        recorder.record(999_000, false);

        assertThat(recorder.count()).isEqualTo(100);
        assertThat(recorder.errors()).isEqualTo(1);
        assertThat(recorder.percentileMillis(0.5)).isEqualTo(50.0);
        assertThat(recorder.percentileMillis(0.99)).isEqualTo(99.0);
        assertThat(recorder.percentileMillis(1.0)).isEqualTo(100.0);
    }

    @Test
    void mergesRecordersAndGrowsPastItsInitialCapacity() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        for (int i = 0; i < 10_000; i++) {
            a.record(1, true);
        }
        b.record(5, false);

        a.addAll(b);

        assertThat(a.count()).isEqualTo(10_000);
        assertThat(a.errors()).isEqualTo(1);
        assertThat(new LatencyRecorder().percentileMillis(0.5)).isNaN();
    }
}
