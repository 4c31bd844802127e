package com.mocktrading.query.analytics;

import java.util.List;

/** The answer to a {@link VolumeQuery}: its buckets, ordered by bucket start then symbol. */
public record VolumeReport(VolumeQuery query, List<VolumeBucket> buckets) {

    public VolumeReport {
        buckets = List.copyOf(buckets);
    }
}
