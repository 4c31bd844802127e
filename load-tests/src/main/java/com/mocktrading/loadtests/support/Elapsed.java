package com.mocktrading.loadtests.support;

/** Wall-clock seconds of a measurement, from {@link System#nanoTime()} readings. */
public final class Elapsed {

    private Elapsed() {}

    public static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
