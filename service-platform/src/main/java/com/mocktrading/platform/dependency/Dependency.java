package com.mocktrading.platform.dependency;

/** The downstream systems a service calls, each behind its own circuit breaker of the same name. */
public enum Dependency {
    DYNAMODB("dynamodb", "DynamoDB"),
    REDIS("redis", "Redis"),
    KAFKA("kafka", "Kafka"),
    ELASTICSEARCH("elasticsearch", "Elasticsearch"),
    CLICKHOUSE("clickhouse", "ClickHouse");

    private final String id;
    private final String label;

    Dependency(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Name of its circuit breaker (and of its read retry, with {@code -read}). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
