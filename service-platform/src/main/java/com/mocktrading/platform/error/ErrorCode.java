package com.mocktrading.platform.error;

import org.springframework.http.HttpStatus;

/** The contract's stable error codes, each with its HTTP status. Clients switch on the code, not the text. */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Request validation failed"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    INSUFFICIENT_FUNDS(HttpStatus.PAYMENT_REQUIRED, "Insufficient funds"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.CONFLICT, "Idempotency key reused"),
    /** The first request with this key is still being processed: retry the same request after Retry-After. */
    IDEMPOTENCY_KEY_IN_PROGRESS(HttpStatus.CONFLICT, "Idempotency key in progress"),
    INSUFFICIENT_HOLDINGS(HttpStatus.UNPROCESSABLE_CONTENT, "Insufficient holdings"),
    UNKNOWN_SYMBOL(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown symbol"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    PRICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Price unavailable"),
    DEPENDENCY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Dependency unavailable"),
    /** The service is saturated and refused the request before doing anything: retry after Retry-After. */
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "Service overloaded"),
    /**
     * The order may or may not have been queued (Kafka did not confirm it and it could not be withdrawn): a
     * retry with the same Idempotency-Key, or the order's own URL, tells which.
     */
    ORDER_STATUS_UNKNOWN(HttpStatus.SERVICE_UNAVAILABLE, "Order status unknown"),
    /**
     * The service behind the gateway broke off while handling a request that changes something: whether it took
     * effect is unknown. A retry with the same Idempotency-Key, or the resource's own URL, tells.
     */
    UPSTREAM_FAILED(HttpStatus.BAD_GATEWAY, "Upstream failed");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code for a status the framework produced without one (a 405, a 415, ...). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 429 -> RATE_LIMITED;
            case 503 -> DEPENDENCY_UNAVAILABLE;
            // The gateway's own 502 and 504 (its route timed out): the service may have acted on the request.
            case 502, 504 -> UPSTREAM_FAILED;
            default -> status >= 500 ? INTERNAL : VALIDATION_FAILED;
        };
    }
}
