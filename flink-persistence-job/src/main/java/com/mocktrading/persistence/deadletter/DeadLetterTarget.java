package com.mocktrading.persistence.deadletter;

import java.io.Serializable;

/** Where a pipeline's dead letters go: shipped with the job graph, opened on the task managers. */
public record DeadLetterTarget(String bootstrapServers, String topic, String pipeline) implements Serializable {

    public DeadLetters open() {
        return new DeadLetters(this);
    }
}
