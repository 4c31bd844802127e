package com.mocktrading.execution.functions;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What trade_executed really holds, as {@link EmitOutcomesOnce} asks it: the outcomes found in the topic, the read
 * positions after them, and marks. A mark requested now is reached once everything written to the topic until now
 * has been read, so an outcome emitted before it and not found by then is not in the topic and never will be.
 */
public interface PublishedOutcomes extends AutoCloseable {

    /** An outcome found in the topic. */
    record Published(String userId, String orderId) {}

    /**
     * What the reader hands over, in reading order: outcomes read, the read positions after them (partition to
     * next offset), and the marks that those positions reached.
     */
    record Batch(List<Published> published, Map<Integer, Long> positions, List<Long> marksReached) {}

    /** The topic read, for log lines. */
    String topic();

    void start();

    /** Asks for {@code id} to be reported in a batch once everything written to the topic until now is read. */
    void requestMark(long id);

    /** What was read since the last call, oldest first; throws what stopped the reader, if anything did. */
    List<Batch> drain();

    @Override
    void close() throws InterruptedException;

    /** Opens a reader in each subtask; shipped with the job graph. */
    interface Source extends Serializable {
        /**
         * @param startPositions where to resume per partition; a partition without one is read from its beginning
         */
        PublishedOutcomes open(String clientId, Map<Integer, Long> startPositions);
    }
}
