package com.mocktrading.query.analytics.web;

import com.mocktrading.domain.Timestamps;
import com.mocktrading.domain.money.Money;
import com.mocktrading.query.analytics.VolumeBucket;
import com.mocktrading.query.analytics.VolumeReport;
import java.util.List;

/**
 * The contract's body of {@code GET /analytics/volume}: the range actually used (a {@code timeWindow} resolved to
 * timestamps), the interval (the default one when none was asked for) and the buckets.
 */
record VolumeResponse(String interval, String from, String to, List<BucketView> buckets) {

    static VolumeResponse of(VolumeReport report) {
        return new VolumeResponse(
                report.query().interval().label(),
                Timestamps.format(report.query().from()),
                Timestamps.format(report.query().to()),
                report.buckets().stream().map(BucketView::of).toList());
    }

    /** Volume and trades as JSON integers, the notional as a 2-decimal string. */
    record BucketView(String bucketStart, String symbol, long volume, String notional, long trades) {

        static BucketView of(VolumeBucket bucket) {
            return new BucketView(
                    Timestamps.format(bucket.bucketStart()),
                    bucket.symbol(),
                    bucket.volume(),
                    Money.formatCash(bucket.notional()),
                    bucket.trades());
        }
    }
}
