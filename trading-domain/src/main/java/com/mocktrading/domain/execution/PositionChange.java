package com.mocktrading.domain.execution;

import java.math.BigDecimal;

/**
 * What one executed trade does to a portfolio, in exact amounts: the cash delta, the shares, the cost basis
 * delta and the realized P&amp;L delta of its symbol. Applying every trade's change to the opening portfolio
 * gives the portfolio: that is the "portfolio equals the sum of its trades" invariant.
 */
public record PositionChange(
        String symbol,
        BigDecimal cashDelta,
        long quantityDelta,
        BigDecimal costBasisDelta,
        BigDecimal realizedPnlDelta) {}
