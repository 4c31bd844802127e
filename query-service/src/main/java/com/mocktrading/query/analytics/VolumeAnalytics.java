package com.mocktrading.query.analytics;

import com.mocktrading.platform.dependency.Dependency;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.FieldError;
import java.util.List;

/**
 * Market-wide traded volume per symbol and bucket. The answer is capped: a range and interval that are fine for
 * one symbol can still mean a bucket per symbol per minute for the whole market, which is refused (400) rather
 * than built in memory and sent.
 */
public class VolumeAnalytics {

    private final VolumeStore store;
    private final DependencyCalls calls;
    private final int maxBuckets;

    /** @param maxBuckets the most buckets one answer may hold, all symbols together */
    public VolumeAnalytics(VolumeStore store, DependencyCalls calls, int maxBuckets) {
        this.store = store;
        this.calls = calls;
        this.maxBuckets = maxBuckets;
    }

    public VolumeReport report(VolumeQuery query) {
        List<VolumeBucket> buckets = calls.read(Dependency.CLICKHOUSE, () -> store.buckets(query, maxBuckets + 1));
        if (buckets.size() > maxBuckets) {
            throw ApiException.validation(List.of(new FieldError(
                    "interval",
                    "the answer would hold more than " + maxBuckets
                            + " buckets; choose a symbol, a coarser interval or a shorter range")));
        }
        return new VolumeReport(query, buckets);
    }
}
