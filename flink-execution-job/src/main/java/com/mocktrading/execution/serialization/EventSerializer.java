package com.mocktrading.execution.serialization;

import com.mocktrading.events.EventEnvelope;
import com.mocktrading.events.Topic;
import com.mocktrading.events.Topics;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An event of one topic between operators and in state, as the topic's own JSON: the contract's versioned schema
 * is the wire format, so what a checkpoint holds reads back with the event codec that reads the topic, and an
 * event is never half-Kryo. Events are immutable records: copies are the event itself.
 */
public final class EventSerializer<P> extends TypeSerializer<EventEnvelope<P>> {

    private static final long serialVersionUID = 1L;

    private final Topic<P> topic;

    public EventSerializer(Topic<P> topic) {
        this.topic = topic;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<EventEnvelope<P>> duplicate() {
        return this;
    }

    @Override
    public EventEnvelope<P> createInstance() {
        return null;
    }

    @Override
    public EventEnvelope<P> copy(EventEnvelope<P> from) {
        return from;
    }

    @Override
    public EventEnvelope<P> copy(EventEnvelope<P> from, EventEnvelope<P> reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(EventEnvelope<P> event, DataOutputView target) throws IOException {
        byte[] json = topic.serde().serialize(event);
        target.writeInt(json.length);
        target.write(json);
    }

    @Override
    public EventEnvelope<P> deserialize(DataInputView source) throws IOException {
        byte[] json = new byte[source.readInt()];
        source.readFully(json);
        return topic.serde().deserialize(json);
    }

    @Override
    public EventEnvelope<P> deserialize(EventEnvelope<P> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventSerializer<?> that && that.topic.name().equals(topic.name());
    }

    @Override
    public int hashCode() {
        return topic.name().hashCode();
    }

    @Override
    public TypeSerializerSnapshot<EventEnvelope<P>> snapshotConfiguration() {
        return new Snapshot<>(topic);
    }

    /**
     * Names the topic whose codec wrote the bytes. The codec reads every schema version the topic has had, so a
     * restored serializer of the same topic is compatible as it is.
     */
    public static final class Snapshot<P> implements TypeSerializerSnapshot<EventEnvelope<P>> {

        private static final int VERSION = 1;

        private Topic<P> topic;

        /** For Flink, which instantiates the snapshot and then reads it. */
        public Snapshot() {}

        Snapshot(Topic<P> topic) {
            this.topic = topic;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(topic.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            String name = in.readUTF();
            topic = (Topic<P>) Topics.byName(name)
                    .orElseThrow(() -> new IOException("state holds events of an unknown topic " + name));
        }

        @Override
        public TypeSerializer<EventEnvelope<P>> restoreSerializer() {
            return new EventSerializer<>(topic);
        }

        @Override
        public TypeSerializerSchemaCompatibility<EventEnvelope<P>> resolveSchemaCompatibility(
                TypeSerializerSnapshot<EventEnvelope<P>> old) {
            return old instanceof Snapshot<P> restored && restored.topic.name().equals(topic.name())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
