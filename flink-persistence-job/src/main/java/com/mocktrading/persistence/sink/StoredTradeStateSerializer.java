package com.mocktrading.persistence.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Buffered trades in a checkpoint (normally none: the writers flush on checkpoint). Version 1: three strings. */
final class StoredTradeStateSerializer extends AsyncSinkWriterStateSerializer<StoredTrade> {

    @Override
    protected void serializeRequestToStream(StoredTrade trade, DataOutputStream out) throws IOException {
        write(out, trade.id());
        write(out, trade.destination());
        write(out, trade.body());
    }

    @Override
    protected StoredTrade deserializeRequestFromStream(long size, DataInputStream in) throws IOException {
        return new StoredTrade(read(in), read(in), read(in));
    }

    @Override
    public int getVersion() {
        return 1;
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
