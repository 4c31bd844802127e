package com.mocktrading.platform.error;

import java.time.Duration;
import java.util.List;

/**
 * A request the service refuses, with the contract code it answers. Thrown by controllers and the features
 * behind them; rendered as problem+json by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> fieldErrors;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null, null);
    }

    public ApiException(ErrorCode code, String detail, List<FieldError> fieldErrors) {
        this(code, detail, fieldErrors, null, null);
    }

    public ApiException(ErrorCode code, String detail, Duration retryAfter, Throwable cause) {
        this(code, detail, List.of(), retryAfter, cause);
    }

    private ApiException(
            ErrorCode code, String detail, List<FieldError> fieldErrors, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields", errors);
    }

    public static ApiException dependencyUnavailable(String dependency, Throwable cause) {
        return new ApiException(
                ErrorCode.DEPENDENCY_UNAVAILABLE,
                dependency + " is unavailable; the request changed nothing, retry later",
                Duration.ofSeconds(5),
                cause);
    }

    /** A connection to the service broke after the request was sent: it may or may not have taken effect. */
    public static ApiException upstreamFailed(Throwable cause) {
        return new ApiException(
                ErrorCode.UPSTREAM_FAILED,
                "the service broke off while handling the request; whether it took effect is unknown: retry with"
                        + " the same Idempotency-Key, or look the result up",
                Duration.ofSeconds(1),
                cause);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** How long clients should wait before retrying, or null when retrying as is makes no sense. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
