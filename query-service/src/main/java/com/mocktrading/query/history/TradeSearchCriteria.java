package com.mocktrading.query.history;

import com.mocktrading.events.ExecutionStatus;
import com.mocktrading.events.Side;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A validated search of one user's history. Every filter is optional (null when absent); the user is not.
 *
 * @param from inclusive lower bound of the execution time
 * @param to exclusive upper bound of the execution time
 * @param size the page size, 1 to {@link #MAX_SIZE}
 * @param after continue strictly after this position, or null for the first page
 */
public record TradeSearchCriteria(
        String userId,
        String symbol,
        Side side,
        ExecutionStatus status,
        Instant from,
        Instant to,
        int size,
        SearchCursor after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public TradeSearchCriteria {
        Objects.requireNonNull(userId, "userId");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", got " + size);
        }
    }

    /**
     * Identifies the filters (not the page size, which may change from page to page), so that a cursor is only
     * ever used to continue the search it came from: the same position in a differently filtered history would
     * silently skip or repeat trades.
     */
    public String fingerprint() {
        String filters = String.join(
                "\n",
                "user=" + userId,
                "symbol=" + symbol,
                "side=" + side,
                "status=" + status,
                "from=" + (from == null ? "" : from.toEpochMilli()),
                "to=" + (to == null ? "" : to.toEpochMilli()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    TradeSearchCriteria continuingAfter(SearchCursor position) {
        return new TradeSearchCriteria(userId, symbol, side, status, from, to, size, position);
    }
}
