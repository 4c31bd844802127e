package com.mocktrading.query.analytics;

/** The raw query parameters of a volume request, each null when absent. */
public record VolumeQueryParameters(String symbol, String from, String to, String timeWindow, String interval) {}
