package com.mocktrading.order.placement;

import com.mocktrading.platform.error.ApiException;
import com.mocktrading.platform.error.FieldError;
import java.util.List;
import java.util.regex.Pattern;

/** The client's {@code Idempotency-Key}: 1-64 characters of {@code [A-Za-z0-9_-]}, scoped to the user. */
public record IdempotencyKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static IdempotencyKey parse(String header) {
        if (header == null || !FORMAT.matcher(header).matches()) {
            throw ApiException.validation(
                    List.of(new FieldError("Idempotency-Key", "1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'")));
        }
        return new IdempotencyKey(header);
    }
}
