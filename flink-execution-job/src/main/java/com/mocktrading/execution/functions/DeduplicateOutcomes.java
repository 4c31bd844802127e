package com.mocktrading.execution.functions;

import com.mocktrading.execution.records.OutcomeJson;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Emits each order's outcome once. A duplicate order event in trade_orders (say, republished after an
 * unconfirmed send) is decided already and comes back with the same outcome: it is dropped here. After a
 * recovery the state is the checkpoint's, so an outcome whose emission was lost with the aborted Kafka
 * transaction is not in it and is emitted again: the at-least-once replay becomes exactly one event.
 */
public final class DeduplicateOutcomes extends KeyedProcessFunction<String, OutcomeJson, OutcomeJson> {

    private static final long serialVersionUID = 1L;
    /** Longer than any redelivery of an order can take. */
    static final Duration REMEMBERED_FOR = Duration.ofDays(7);

    private transient MapState<String, Boolean> emitted;

    @Override
    public void open(OpenContext context) {
        MapStateDescriptor<String, Boolean> descriptor =
                new MapStateDescriptor<>("emitted-order-ids", String.class, Boolean.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(REMEMBERED_FOR).build());
        emitted = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(OutcomeJson outcome, Context context, Collector<OutcomeJson> out) throws Exception {
        if (!emitted.contains(outcome.orderId())) {
            emitted.put(outcome.orderId(), true);
            out.collect(outcome);
        }
    }
}
