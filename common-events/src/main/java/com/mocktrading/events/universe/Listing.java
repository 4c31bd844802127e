package com.mocktrading.events.universe;

import java.math.BigDecimal;

/**
 * A simulated stock: ticker, company name, opening price and its volatility (annualised, as a fraction: 0.3
 * means 30%).
 */
public record Listing(String symbol, String name, BigDecimal openingPrice, double volatility) {}
