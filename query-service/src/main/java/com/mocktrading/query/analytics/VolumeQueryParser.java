package com.mocktrading.query.analytics;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.FieldError;
import com.mocktrading.query.parameters.QueryParameters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw parameters of {@code GET /analytics/volume} into a {@link VolumeQuery}, or refuses them with every
 * problem at once.
 *
 * <ul>
 *   <li>The range is either {@code timeWindow} ({@code 1h}, {@code 24h}, {@code 7d}: the window up to now) or both
 *       {@code from} (inclusive) and {@code to} (exclusive); never both kinds, never neither.
 *   <li>{@code interval} is optional: by default the finest interval that covers the range in at most
 *       {@value #DEFAULT_BUCKETS} buckets (1h -&gt; 1m, 24h -&gt; 5m, 7d -&gt; 1h), so a chart gets a useful
 *       resolution without asking.
 *   <li>The range may span at most {@value #MAX_INTERVALS} intervals (24h at 1m, 5 days at 5m, ...), which bounds the
 *       buckets per symbol; a wider range needs a coarser interval.
 * </ul>
 */
public final class VolumeQueryParser {

    public static final int DEFAULT_BUCKETS = 300;
    public static final long MAX_INTERVALS = 1_440;

    private VolumeQueryParser() {}

    /** @param now the time a {@code timeWindow} ends at */
    public static VolumeQuery parse(VolumeQueryParameters raw, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String symbol = QueryParameters.symbol(raw.symbol(), errors);
        Range range = range(raw, now, errors);
        Optional<Interval> interval = interval(raw.interval(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Instant from = range.from();
        Instant to = range.to();
        Interval chosen = interval.orElseGet(() -> defaultInterval(from, to));
        if (chosen.intervalsIn(from, to) > MAX_INTERVALS) {
            throw ApiException.validation(List.of(new FieldError(
                    "interval",
                    "the range spans more than " + MAX_INTERVALS + " intervals of " + chosen.label()
                            + "; choose a coarser interval or a shorter range")));
        }
        return new VolumeQuery(symbol, from, to, chosen);
    }

    /** The finest interval with at most {@link #DEFAULT_BUCKETS} buckets, else the coarsest. */
    static Interval defaultInterval(Instant from, Instant to) {
        return Arrays.stream(Interval.values())
                .filter(interval -> interval.intervalsIn(from, to) <= DEFAULT_BUCKETS)
                .findFirst()
                .orElse(Interval.ONE_DAY);
    }

    private record Range(Instant from, Instant to) {}

    /** The range asked for, or null (with the reason in {@code errors}). */
    private static Range range(VolumeQueryParameters raw, Instant now, List<FieldError> errors) {
        if (raw.timeWindow() != null) {
            if (raw.from() != null || raw.to() != null) {
                errors.add(new FieldError("timeWindow", "give either timeWindow or from and to, not both"));
                return null;
            }
            Optional<TimeWindow> window = TimeWindow.parse(raw.timeWindow());
            if (window.isEmpty()) {
                errors.add(new FieldError("timeWindow", "one of 1h, 24h, 7d"));
                return null;
            }
            Instant to = now.truncatedTo(ChronoUnit.MILLIS);
            return new Range(to.minus(window.get().length()), to);
        }
        if (raw.from() == null || raw.to() == null) {
            if (raw.from() == null) {
                errors.add(new FieldError("from", "required unless timeWindow is given"));
            }
            if (raw.to() == null) {
                errors.add(new FieldError("to", "required unless timeWindow is given"));
            }
            return null;
        }
        Instant from = QueryParameters.instant("from", raw.from(), errors);
        Instant to = QueryParameters.instant("to", raw.to(), errors);
        QueryParameters.requireOrdered(from, to, errors);
        return new Range(from, to);
    }

    private static Optional<Interval> interval(String raw, List<FieldError> errors) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<Interval> interval = Interval.parse(raw);
        if (interval.isEmpty()) {
            errors.add(new FieldError("interval", "one of 1m, 5m, 15m, 1h, 1d"));
        }
        return interval;
    }
}
