package com.mocktrading.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradeSearchParserTest {

    @Test
    void searchesTheCallersWholeHistoryFiftyAtATimeByDefault() {
        assertThat(parse(new TradeSearchParameters(null, null, null, null, null, null, null, null)))
                .isEqualTo(new TradeSearchCriteria("alice", null, null, null, null, null, 50, null));
    }

    @Test
    void readsEveryFilter() {
        TradeSearchCriteria criteria = parse(new TradeSearchParameters(
                "alice",
                "BRK.B",
                "SELL",
                "FAILED_PRICE_UNAVAILABLE",
                "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00.000+01:00",
                "500",
                null));

        assertThat(criteria)
                .isEqualTo(new TradeSearchCriteria(
                        "alice",
                        "BRK.B",
                        Side.SELL,
                        ExecutionStatus.FAILED_PRICE_UNAVAILABLE,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-30T23:00:00Z"),
                        500,
                        null));
    }

    @Test
    void refusesAnotherUsersHistoryBeforeLookingAtAnythingElse() {
        ApiException refusal = catchThrowableOfType(
                ApiException.class,
                () -> parse(new TradeSearchParameters("bob", "bad symbol", null, null, null, null, "0", null)));

        assertThat(refusal.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "10000", "-1", "+5", "5.0", "1e2", "", " 5", "99999999999"})
    void refusesSizesOutside1To500(String size) {
        assertThat(refusal(new TradeSearchParameters(null, null, null, null, null, null, size, null)))
                .containsExactly(new FieldError("size", "a whole number from 1 to 500"));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThat(refusal(new TradeSearchParameters(
                        null, "acme", "buy", "ACCEPTED", "yesterday", "2026-11-24T00:00:00.0001Z", "0", null)))
                .extracting(FieldError::field)
                .containsExactly("symbol", "side", "status", "from", "to", "size");
    }

    @Test
    void refusesAFromAfterTo() {
        assertThat(refusal(new TradeSearchParameters(
                        null, null, null, null, "2026-11-24T00:00:00.001Z", "2026-11-24T00:00:00Z", null, null)))
                .extracting(FieldError::field)
                .containsExactly("from");
    }

    @Test
    void continuesAfterTheCursorsPositionForTheSameFilters() {
        TradeSearchCriteria first = parse(new TradeSearchParameters(null, "ACME", null, null, null, null, "10", null));
        SearchCursor position = new SearchCursor(Instant.parse("2026-11-24T00:00:00Z"), "e-1");
        String cursor = CursorCodec.encode(position, first.fingerprint());

        TradeSearchCriteria next = parse(new TradeSearchParameters(null, "ACME", null, null, null, null, "20", cursor));

        assertThat(next.after()).isEqualTo(position);
        assertThat(next.size()).isEqualTo(20);
        assertThat(refusal(new TradeSearchParameters(null, "BOLT", null, null, null, null, null, cursor)))
                .extracting(FieldError::field)
                .containsExactly("cursor");
        ApiException otherUser = catchThrowableOfType(
                ApiException.class,
                () -> TradeSearchParser.parse(
                        "bob", new TradeSearchParameters(null, "ACME", null, null, null, null, null, cursor)));
        assertThat(otherUser.fieldErrors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void fingerprintsTheFiltersButNotThePageSizeOrPosition() {
        TradeSearchCriteria criteria = new TradeSearchCriteria("alice", "ACME", Side.BUY, null, null, null, 10, null);

        assertThat(criteria.fingerprint())
                .isEqualTo(new TradeSearchCriteria(
                                "alice", "ACME", Side.BUY, null, null, null, 500, new SearchCursor(Instant.EPOCH, "e"))
                        .fingerprint())
                .isNotEqualTo(
                        new TradeSearchCriteria("alice", "ACME", Side.SELL, null, null, null, 10, null).fingerprint())
                .isNotEqualTo(new TradeSearchCriteria("alice", "ACME", Side.BUY, null, Instant.EPOCH, null, 10, null)
                        .fingerprint());
    }

    private static TradeSearchCriteria parse(TradeSearchParameters parameters) {
        return TradeSearchParser.parse("alice", parameters);
    }

    private static List<FieldError> refusal(TradeSearchParameters parameters) {
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> parse(parameters));
        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return refusal.fieldErrors();
    }
}
