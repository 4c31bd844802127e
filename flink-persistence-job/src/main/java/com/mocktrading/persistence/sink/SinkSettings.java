package com.mocktrading.persistence.sink;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a store sink batches and bounds itself.
 *
 * @param maxBatchSize trades per request
 * @param maxInFlightRequests concurrent requests per writer
 * @param maxBufferedRequests trades buffered per writer before {@code write} blocks (backpressure)
 * @param maxTimeInBuffer how long a trade waits for its batch to fill
 * @param requestTimeout after which a request's trades are retried
 */
public record SinkSettings(
        int maxBatchSize,
        int maxInFlightRequests,
        int maxBufferedRequests,
        Duration maxTimeInBuffer,
        Duration requestTimeout)
        implements Serializable {

    public static SinkSettings of(int batchSize, Duration maxTimeInBuffer) {
        return new SinkSettings(batchSize, 2, batchSize * 10, maxTimeInBuffer, Duration.ofSeconds(60));
    }
}
