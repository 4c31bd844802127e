package com.mocktrading.execution.records;

/**
 * An outcome not yet read back from trade_executed.
 *
 * @param epoch the checkpoint whose transaction carries it (or, if not emitted, the one after which to check)
 * @param emitted sent to the sink; {@code false} for a replay held until the topic is known not to have it
 */
public record PendingOutcome(Outcome outcome, long epoch, boolean emitted) {}
