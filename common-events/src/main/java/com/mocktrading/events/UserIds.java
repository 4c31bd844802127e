package com.mocktrading.events;

import java.util.regex.Pattern;

/** User ids become DynamoDB keys, Kafka keys and URL segments: one safe alphabet, checked everywhere. */
public final class UserIds {

    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserIds() {}

    public static boolean isValid(String userId) {
        return userId != null && FORMAT.matcher(userId).matches();
    }
}
