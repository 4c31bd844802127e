package com.mocktrading.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The system's money rules in one place. Cash, notionals and cost basis have 2 decimals, prices up to 4;
 * a trade's notional (quantity x price) is rounded to the cent half-even, once, and that rounded amount is
 * what moves between cash and cost basis, so that a portfolio is exactly the sum of its trades.
 */
public final class Money {

    public static final int CASH_SCALE = 2;
    public static final int PRICE_SCALE = 4;
    private static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Money() {}

    /** Cash amount at 2 decimals; rejects amounts that would need rounding (cash is never rounded silently). */
    public static BigDecimal cash(BigDecimal amount) {
        try {
            return amount.setScale(CASH_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cash amounts have at most 2 decimals, got " + amount.toPlainString());
        }
    }

    public static BigDecimal cash(String amount) {
        return cash(new BigDecimal(amount));
    }

    /** A price at the canonical 4 decimals; rejects finer prices (the contract allows at most 4). */
    public static BigDecimal price(BigDecimal price) {
        try {
            return price.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("prices have at most 4 decimals, got " + price.toPlainString());
        }
    }

    /** What {@code quantity} shares at {@code price} cost: rounded to the cent. */
    public static BigDecimal notional(long quantity, BigDecimal price) {
        return roundCash(price.multiply(BigDecimal.valueOf(quantity)));
    }

    /** An exact amount (a sum of notionals, say) rounded once to the cent, the way every notional is. */
    public static BigDecimal roundCash(BigDecimal exact) {
        return exact.setScale(CASH_SCALE, ROUNDING);
    }

    /** Cost per share of a position, at price precision. */
    public static BigDecimal averageCost(BigDecimal costBasis, long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("average cost of an empty position");
        }
        return costBasis.divide(BigDecimal.valueOf(quantity), PRICE_SCALE, ROUNDING);
    }

    /** A price as the contract prints it: plain, at most 4 decimals, trailing zeros kept to 2 at least. */
    public static String formatPrice(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return (stripped.scale() < CASH_SCALE ? stripped.setScale(CASH_SCALE) : stripped).toPlainString();
    }

    public static String formatCash(BigDecimal amount) {
        return amount.setScale(CASH_SCALE, ROUNDING).toPlainString();
    }
}
