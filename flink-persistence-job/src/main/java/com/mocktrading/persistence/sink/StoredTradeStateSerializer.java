package com.mocktrading.persistence.sink;

import com.mocktrading.events.TraceContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Buffered trades in a checkpoint (normally none: the writers flush on checkpoint). Version 1: three strings.
 * Version 2: a marker no string length can be, then the three strings and the trace context (traceparent and
 * tracestate, empty for none), so that a checkpoint of either version restores.
 */
final class StoredTradeStateSerializer extends AsyncSinkWriterStateSerializer<StoredTrade> {

    private static final int VERSION_2_MARKER = -2;

    @Override
    protected void serializeRequestToStream(StoredTrade trade, DataOutputStream out) throws IOException {
        out.writeInt(VERSION_2_MARKER);
        write(out, trade.id());
        write(out, trade.destination());
        write(out, trade.body());
        write(out, trade.trace() == null ? "" : trade.trace().traceparent());
        write(
                out,
                trade.trace() == null || trade.trace().tracestate() == null
                        ? ""
                        : trade.trace().tracestate());
    }

    @Override
    protected StoredTrade deserializeRequestFromStream(long size, DataInputStream in) throws IOException {
        int first = in.readInt();
        if (first != VERSION_2_MARKER) {
            return new StoredTrade(read(in, first), read(in), read(in));
        }
        StoredTrade trade = new StoredTrade(read(in), read(in), read(in));
        String traceparent = read(in);
        String tracestate = read(in);
        return traceparent.isEmpty()
                ? trade
                : trade.tracedBy(new TraceContext(traceparent, tracestate.isEmpty() ? null : tracestate));
    }

    @Override
    public int getVersion() {
        return 2;
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        return read(in, in.readInt());
    }

    private static String read(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
