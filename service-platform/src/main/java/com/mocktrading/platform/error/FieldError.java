package com.mocktrading.platform.error;

/** One problem with one input field, e.g. {@code quantity: must be a whole number from 1 to 1000000}. */
public record FieldError(String field, String message) {}
