package com.mocktrading.persistence.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * What a store made of a batch: the entries to retry later (refused for now, e.g. 429), and those refused for good
 * with the reason (e.g. a mapping conflict), which go to the dead letters. Everything else was written.
 */
public record WriteOutcome(List<StoredTrade> retry, List<Refusal> refused) {

    public record Refusal(StoredTrade trade, String reason) {}

    public static WriteOutcome allWritten() {
        return new WriteOutcome(List.of(), List.of());
    }

    /** Both outcomes together: of two halves of one batch. */
    public WriteOutcome and(WriteOutcome other) {
        List<StoredTrade> allRetry = new ArrayList<>(retry);
        allRetry.addAll(other.retry);
        List<Refusal> allRefused = new ArrayList<>(refused);
        allRefused.addAll(other.refused);
        return new WriteOutcome(allRetry, allRefused);
    }

    WriteOutcome alsoRefused(List<Refusal> more) {
        List<Refusal> all = new ArrayList<>(refused);
        all.addAll(more);
        return new WriteOutcome(retry, all);
    }
}
