package com.mocktrading.loadtests.support;

import java.util.Arrays;

/** Latencies of one operation, in microseconds; thread-confined, merged at the end. */
public final class LatencyRecorder {

    private long[] samples = new long[1 << 12];
    private int count;
    private long errors;

    public void record(long micros, boolean ok) {
        if (!ok) {
            errors++;
            return;
        }
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    public void addAll(LatencyRecorder other) {
        for (int i = 0; i < other.count; i++) {
            record(other.samples[i], true);
        }
        errors += other.errors;
    }

    public int count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    /** The latency in milliseconds below which {@code fraction} of the successful calls finished. */
    public double percentileMillis(double fraction) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(fraction * count) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
