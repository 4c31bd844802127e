package com.mocktrading.events;

import java.util.regex.Pattern;

/**
 * Order ids become DynamoDB keys and URL segments: order-service makes UUIDs, and anything outside this alphabet
 * and length (which no store call should ever see) is refused where it enters (a REST path, a consumed event).
 */
public final class OrderIds {

    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private OrderIds() {}

    public static boolean isValid(String orderId) {
        return orderId != null && FORMAT.matcher(orderId).matches();
    }
}
