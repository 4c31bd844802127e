package com.mocktrading.localstack.containers;

import java.util.Locale;

/**
 * Where a test JVM's shared servers come from, chosen with {@code -Dmocktrading.test-servers}: {@code processes}
 * (the default: the real servers as processes on this machine, which needs no Docker) or {@code testcontainers}
 * (the same servers as containers of their images, on a machine with a Docker engine that has them).
 */
public enum TestServerSource {
    PROCESSES,
    TESTCONTAINERS;

    public static final String PROPERTY = "mocktrading.test-servers";

    /** The source this JVM was asked for. */
    public static TestServerSource chosen() {
        return of(System.getProperty(PROPERTY));
    }

    /** {@code value} as a source (null or empty: the default); anything else is refused with the choices. */
    public static TestServerSource of(String value) {
        if (value == null || value.isBlank()) {
            return PROCESSES;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + " must be 'processes' or 'testcontainers', was '" + value + "'", e);
        }
    }
}
