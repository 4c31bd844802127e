package com.mocktrading.query.analytics.web;

import com.mocktrading.query.analytics.VolumeAnalytics;
import com.mocktrading.query.analytics.VolumeQueryParameters;
import com.mocktrading.query.analytics.VolumeQueryParser;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /analytics/volume}: market-wide executed volume per symbol and time bucket, for any signed-in user. */
@RestController
class VolumeController {

    private final VolumeAnalytics analytics;
    private final Clock clock;

    VolumeController(VolumeAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    /** Parameters are taken as text so that every malformed one is reported in the contract's 400, not Spring's. */
    @GetMapping("/analytics/volume")
    VolumeResponse volume(
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String timeWindow,
            @RequestParam(required = false) String interval) {
        VolumeQueryParameters parameters = new VolumeQueryParameters(symbol, from, to, timeWindow, interval);
        return VolumeResponse.of(analytics.report(VolumeQueryParser.parse(parameters, clock.instant())));
    }
}
