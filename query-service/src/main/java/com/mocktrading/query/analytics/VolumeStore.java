package com.mocktrading.query.analytics;

import java.util.List;

/** Where trade volumes are aggregated (ClickHouse in this system). */
public interface VolumeStore {

    /**
     * The buckets of executed trades matching {@code query}, each trade counted once however often it was stored,
     * ordered by bucket start then symbol; at most {@code limit} of them.
     */
    List<VolumeBucket> buckets(VolumeQuery query, int limit);
}
