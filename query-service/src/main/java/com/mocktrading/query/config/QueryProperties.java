package com.mocktrading.query.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the stores are and how long the service waits for them. Every value can come from the environment by
 * Spring's relaxed binding, e.g. {@code MOCKTRADING_QUERY_ELASTICSEARCH_URL}.
 *
 * @param elasticsearchUrl the trade history's Elasticsearch (HTTP)
 * @param clickhouseUrl the analytics' ClickHouse (HTTP interface)
 * @param clickhouseUsername ClickHouse user
 * @param clickhousePassword its password (empty for the local server)
 * @param connectTimeout how long to wait for a connection to either store
 * @param elasticsearchTimeout the longest an Elasticsearch search may take (socket timeout)
 * @param clickhouseTimeout the longest a ClickHouse query may take (server max_execution_time and client wait)
 * @param analyticsMaxBuckets the most buckets one analytics answer may hold, all symbols together
 */
@ConfigurationProperties("mocktrading.query")
public record QueryProperties(
        @DefaultValue("http://localhost:9200") URI elasticsearchUrl,
        @DefaultValue("http://localhost:8123") URI clickhouseUrl,
        @DefaultValue("default") String clickhouseUsername,
        @DefaultValue("") String clickhousePassword,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration elasticsearchTimeout,
        @DefaultValue("10s") Duration clickhouseTimeout,
        @DefaultValue("20000") int analyticsMaxBuckets) {

    public QueryProperties {
        Objects.requireNonNull(elasticsearchUrl, "mocktrading.query.elasticsearch-url");
        Objects.requireNonNull(clickhouseUrl, "mocktrading.query.clickhouse-url");
        if (analyticsMaxBuckets < 1) {
            throw new IllegalArgumentException("mocktrading.query.analytics-max-buckets must be positive");
        }
    }
}
