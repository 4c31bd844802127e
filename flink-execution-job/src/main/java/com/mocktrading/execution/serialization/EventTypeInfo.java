package com.mocktrading.execution.serialization;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topic;
import com.mocktrading.events.Topics;
import com.mocktrading.events.TradeExecutedPayload;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The Flink type of one topic's events, serialized by {@link EventSerializer}. */
public final class EventTypeInfo<P> extends TypeInformation<EventEnvelope<P>> {

    private static final long serialVersionUID = 1L;

    private final Topic<P> topic;

    private EventTypeInfo(Topic<P> topic) {
        this.topic = topic;
    }

    public static <P> EventTypeInfo<P> of(Topic<P> topic) {
        return new EventTypeInfo<>(topic);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<EventEnvelope<P>> getTypeClass() {
        return (Class<EventEnvelope<P>>) (Class<?>) EventEnvelope.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<EventEnvelope<P>> createSerializer(SerializerConfig config) {
        return new EventSerializer<>(topic);
    }

    @Override
    public String toString() {
        return "EventEnvelope<" + topic.payloadType().getSimpleName() + "> of " + topic.name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventTypeInfo<?> that && that.topic.name().equals(topic.name());
    }

    @Override
    public int hashCode() {
        return topic.name().hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof EventTypeInfo;
    }

    /** For a field holding an outcome event: {@code @TypeInfo(EventTypeInfo.TradesExecuted.class)}. */
    public static final class TradesExecuted extends TypeInfoFactory<EventEnvelope<TradeExecutedPayload>> {
        @Override
        public TypeInformation<EventEnvelope<TradeExecutedPayload>> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> parameters) {
            return of(Topics.TRADE_EXECUTED);
        }
    }
}
