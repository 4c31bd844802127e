package com.mocktrading.domain.execution;

import com.mocktrading.events.TradeExecutedPayload;

/**
 * An order's outcome and whether this call decided it. A replayed order (decided before) may or may not have had
 * its outcome published already: the caller must find out before publishing it again.
 */
public record Decision(TradeExecutedPayload outcome, boolean replayed) {}
