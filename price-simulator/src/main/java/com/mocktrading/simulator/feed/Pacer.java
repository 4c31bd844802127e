package com.mocktrading.simulator.feed;

/**
 * Releases events at a fixed rate without drift: each slot is scheduled from the start, not from the previous
 * release, so a slow send is caught up rather than lowering the rate for good.
 */
final class Pacer {

    private final long intervalNanos;
    private long nextSlot;

    Pacer(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, got " + perSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.nextSlot = System.nanoTime();
    }

    void awaitNextSlot() throws InterruptedException {
        long wait = nextSlot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        nextSlot += intervalNanos;
    }
}
