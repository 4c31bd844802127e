package com.mocktrading.events;

import java.io.Serializable;
import java.util.function.Function;

/**
 * Extracts the Kafka record key from a payload. Serializable so a Flink key selector or sink can
 * capture a {@link Topic}.
 */
@FunctionalInterface
public interface RecordKey<P> extends Function<P, String>, Serializable {}
