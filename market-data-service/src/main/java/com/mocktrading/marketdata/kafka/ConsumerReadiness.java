package com.mocktrading.marketdata.kafka;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Whether a consumer has joined its group and knows where to read: on assignment the positions are resolved at
 * once (for a new group, "latest" is fixed now and committed by the container), so nothing published after the
 * service reported ready can be skipped.
 */
public final class ConsumerReadiness implements ConsumerAwareRebalanceListener {

    private volatile boolean assigned;

    public boolean isAssigned() {
        return assigned;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(consumer::position);
        assigned = true;
    }
}
