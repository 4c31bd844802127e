package com.mocktrading.query.history;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.error.FieldError;
import com.mocktrading.query.parameters.QueryParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the raw parameters of {@code GET /trades/search} into {@link TradeSearchCriteria} for the caller, or
 * refuses them with every problem at once. Strict: an unknown side or status, a lowercase symbol, a size out of
 * range or a cursor from another search is a 400, never silently widened into a search the caller did not mean.
 */
public final class TradeSearchParser {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private TradeSearchParser() {}

    /**
     * @param caller the authenticated user (the token's subject): the only user whose trades are searched
     * @throws ApiException FORBIDDEN when a {@code userId} other than the caller's is asked for, else
     *     VALIDATION_FAILED listing the bad parameters
     */
    public static TradeSearchCriteria parse(String caller, TradeSearchParameters raw) {
        // Authorisation before validation: asking about someone else is refused whatever else is wrong.
        if (raw.userId() != null && !raw.userId().equals(caller)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "You can only search your own trades");
        }
        List<FieldError> errors = new ArrayList<>();
        String symbol = QueryParameters.symbol(raw.symbol(), errors);
        Side side = side(raw.side(), errors);
        ExecutionStatus status = status(raw.status(), errors);
        Instant from = QueryParameters.instant("from", raw.from(), errors);
        Instant to = QueryParameters.instant("to", raw.to(), errors);
        QueryParameters.requireOrdered(from, to, errors);
        int size = size(raw.size(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        TradeSearchCriteria criteria = new TradeSearchCriteria(caller, symbol, side, status, from, to, size, null);
        if (raw.cursor() == null) {
            return criteria;
        }
        try {
            return criteria.continuingAfter(CursorCodec.decode(raw.cursor(), criteria.fingerprint()));
        } catch (InvalidCursorException e) {
            throw ApiException.validation(List.of(new FieldError("cursor", e.getMessage())));
        }
    }

    private static Side side(String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        return Arrays.stream(Side.values())
                .filter(side -> side.name().equals(raw))
                .findFirst()
                .orElseGet(() -> {
                    errors.add(new FieldError("side", "BUY or SELL"));
                    return null;
                });
    }

    private static ExecutionStatus status(String raw, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        return Arrays.stream(ExecutionStatus.values())
                .filter(status -> status.name().equals(raw))
                .findFirst()
                .orElseGet(() -> {
                    errors.add(new FieldError("status", "one of " + Arrays.toString(ExecutionStatus.values())));
                    return null;
                });
    }

    private static int size(String raw, List<FieldError> errors) {
        if (raw == null) {
            return TradeSearchCriteria.DEFAULT_SIZE;
        }
        if (DIGITS.matcher(raw).matches()) {
            int size = Integer.parseInt(raw);
            if (size >= 1 && size <= TradeSearchCriteria.MAX_SIZE) {
                return size;
            }
        }
        errors.add(new FieldError("size", "a whole number from 1 to " + TradeSearchCriteria.MAX_SIZE));
        return TradeSearchCriteria.DEFAULT_SIZE;
    }
}
