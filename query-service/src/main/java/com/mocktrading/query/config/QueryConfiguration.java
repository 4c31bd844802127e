package com.mocktrading.query.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.clickhouse.client.api.Client;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.query.analytics.VolumeAnalytics;
import com.mocktrading.query.analytics.clickhouse.ClickHouseVolumeStore;
import com.mocktrading.query.history.TradeHistorySearch;
import com.mocktrading.query.history.elasticsearch.ElasticsearchTradeStore;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the two read paths to their stores: the trade history to Elasticsearch, the volume analytics to
 * ClickHouse, both behind the platform's circuit breakers and read retries. Neither client connects at start-up,
 * so the service starts (and answers 503 for the affected endpoint) while a store is down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
class QueryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * This service reads neither DynamoDB nor Redis, so it does not enable the platform's trading stores (which
     * declare their own). No failure here is a business answer, so none is exempt.
     */
    @Bean
    DependencyCalls dependencyCalls(CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new DependencyCalls(breakers, retries, Set.of());
    }

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(QueryProperties properties) {
        return RestClient.builder(HttpHost.create(properties.elasticsearchUrl().toString()))
                .setRequestConfigCallback(config -> config.setConnectTimeout(
                                (int) properties.connectTimeout().toMillis())
                        .setConnectionRequestTimeout(
                                (int) properties.connectTimeout().toMillis())
                        .setSocketTimeout(
                                (int) properties.elasticsearchTimeout().toMillis()))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    /**
     * Uncompressed responses (ClickHouse 18.16 answers a compressed request with an empty body) and no retries of
     * its own: the read retry in {@link DependencyCalls} is the only one, so the attempts stay bounded.
     */
    @Bean(destroyMethod = "close")
    Client clickHouseClient(QueryProperties properties) {
        return new Client.Builder()
                .addEndpoint(properties.clickhouseUrl().toString())
                .setUsername(properties.clickhouseUsername())
                .setPassword(properties.clickhousePassword())
                .compressServerResponse(false)
                .setConnectTimeout(properties.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setConnectionRequestTimeout(properties.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setSocketTimeout(properties.clickhouseTimeout().toMillis(), ChronoUnit.MILLIS)
                .setMaxRetries(0)
                .build();
    }

    @Bean
    TradeHistorySearch tradeHistorySearch(ElasticsearchClient elasticsearch, DependencyCalls calls) {
        return new TradeHistorySearch(new ElasticsearchTradeStore(elasticsearch), calls);
    }

    @Bean
    VolumeAnalytics volumeAnalytics(Client clickHouse, DependencyCalls calls, QueryProperties properties) {
        return new VolumeAnalytics(
                new ClickHouseVolumeStore(clickHouse, properties.clickhouseTimeout()),
                calls,
                properties.analyticsMaxBuckets());
    }
}
