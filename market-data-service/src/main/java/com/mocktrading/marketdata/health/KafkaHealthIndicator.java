package com.mocktrading.marketdata.health;

import com.mocktrading.marketdata.kafka.ConsumerReadiness;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Ready when the brokers answer and both consumers have joined their groups. A consumer alone does not notice
 * that the brokers went away (it keeps its assignment and retries quietly), hence the cluster call.
 */
public final class KafkaHealthIndicator implements ReactiveHealthIndicator {

    private final Admin admin;
    private final List<ConsumerReadiness> consumers;
    private final Duration timeout;

    public KafkaHealthIndicator(Admin admin, List<ConsumerReadiness> consumers, Duration timeout) {
        this.admin = admin;
        this.consumers = consumers;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        if (!consumers.stream().allMatch(ConsumerReadiness::isAssigned)) {
            return Mono.just(
                    Health.down().withDetail("consumers", "not assigned yet").build());
        }
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        return Mono.fromCompletionStage(
                        () -> admin.describeCluster(options).nodes().toCompletionStage())
                .map(nodes ->
                        nodes.isEmpty() ? Health.down().build() : Health.up().build())
                .timeout(timeout.plusMillis(200))
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build()));
    }
}
