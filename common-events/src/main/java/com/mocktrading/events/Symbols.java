package com.mocktrading.events;

import java.util.regex.Pattern;

/**
 * What a ticker symbol is, everywhere it is checked: in the events, in an order request, in a query. The event
 * schemas state the same pattern ({@code SymbolsTest} keeps them in step).
 */
public final class Symbols {

    /** 1-10 characters of upper-case letters, digits and dots, e.g. {@code ACME} or {@code BRK.B}. */
    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9.]{1,10}");

    /** How a message says what {@link #PATTERN} asks for. */
    public static final String DESCRIPTION = "1-10 characters of [A-Z0-9.]";

    private Symbols() {}

    public static boolean isValid(String symbol) {
        return symbol != null && PATTERN.matcher(symbol).matches();
    }
}
