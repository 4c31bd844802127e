package com.mocktrading.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VolumeQueryParserTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:17:42.123456Z");

    @Test
    void resolvesATimeWindowToTheWindowEndingNow() {
        VolumeQuery query = parse(new VolumeQueryParameters("ACME", null, null, "24h", "15m"));

        assertThat(query)
                .isEqualTo(new VolumeQuery(
                        "ACME",
                        Instant.parse("2026-11-23T03:17:42.123Z"),
                        Instant.parse("2026-11-24T03:17:42.123Z"),
                        Interval.FIFTEEN_MINUTES));
    }

    @Test
    void picksTheFinestIntervalWithAtMost300BucketsByDefault() {
        assertThat(parse(new VolumeQueryParameters(null, null, null, "1h", null))
                        .interval())
                .isEqualTo(Interval.ONE_MINUTE);
        assertThat(parse(new VolumeQueryParameters(null, null, null, "24h", null))
                        .interval())
                .isEqualTo(Interval.FIVE_MINUTES);
        assertThat(parse(new VolumeQueryParameters(null, null, null, "7d", null))
                        .interval())
                .isEqualTo(Interval.ONE_HOUR);
        assertThat(parse(new VolumeQueryParameters(null, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null))
                        .interval())
                .isEqualTo(Interval.ONE_DAY);
        // Beyond 1,440 days even the coarsest interval is too fine.
        assertThat(refusal(new VolumeQueryParameters(null, "2020-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, null)))
                .extracting(FieldError::field)
                .containsExactly("interval");
    }

    @Test
    void takesAnExplicitHalfOpenRange() {
        VolumeQuery query =
                parse(new VolumeQueryParameters(null, "2026-11-24T00:00:00.5Z", "2026-11-24T01:00:00Z", null, "1h"));

        assertThat(query.from()).isEqualTo("2026-11-24T00:00:00.500Z");
        assertThat(query.to()).isEqualTo("2026-11-24T01:00:00Z");
        assertThat(query.symbol()).isNull();
    }

    @Test
    void allowsAtMost1440IntervalsPerRange() {
        assertThat(parse(new VolumeQueryParameters(null, null, null, "24h", "1m"))
                        .interval())
                .isEqualTo(Interval.ONE_MINUTE);

        assertThat(refusal(new VolumeQueryParameters(null, null, null, "7d", "1m")))
                .singleElement()
                .extracting(FieldError::field)
                .isEqualTo("interval");
        assertThat(refusal(new VolumeQueryParameters(
                        null, "2026-01-01T00:00:00Z", "2026-01-06T00:00:00.001Z", null, "5m")))
                .extracting(FieldError::field)
                .containsExactly("interval");
    }

    @Test
    void refusesEveryMalformedParameterAtOnce() {
        assertThat(refusal(new VolumeQueryParameters("acme", "soon", "2026-11-24T00:00:00Z", null, "2m")))
                .extracting(FieldError::field)
                .containsExactly("symbol", "from", "interval");
    }

    @Test
    void refusesRangesThatAreMissingMixedOrReversed() {
        assertThat(refusal(new VolumeQueryParameters(null, null, null, null, null)))
                .extracting(FieldError::field)
                .containsExactly("from", "to");
        assertThat(refusal(new VolumeQueryParameters(null, null, "2026-11-24T00:00:00Z", null, null)))
                .extracting(FieldError::field)
                .containsExactly("from");
        assertThat(refusal(new VolumeQueryParameters(null, "2026-11-24T00:00:00Z", null, "1h", null)))
                .extracting(FieldError::field)
                .containsExactly("timeWindow");
        assertThat(refusal(new VolumeQueryParameters(null, null, null, "30d", null)))
                .extracting(FieldError::field)
                .containsExactly("timeWindow");
        assertThat(refusal(new VolumeQueryParameters(null, "2026-11-24T00:00:01Z", "2026-11-24T00:00:00Z", null, null)))
                .extracting(FieldError::field)
                .containsExactly("from");
    }

    private static VolumeQuery parse(VolumeQueryParameters parameters) {
        return VolumeQueryParser.parse(parameters, NOW);
    }

    private static java.util.List<FieldError> refusal(VolumeQueryParameters parameters) {
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> parse(parameters));
        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return refusal.fieldErrors();
    }
}
