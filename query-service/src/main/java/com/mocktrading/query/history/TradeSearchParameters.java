package com.mocktrading.query.history;

/** The raw query parameters of a history search, each null when absent. */
public record TradeSearchParameters(
        String userId, String symbol, String side, String status, String from, String to, String size, String cursor) {}
