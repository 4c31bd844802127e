package com.mocktrading.localstack.redis;

import com.mocktrading.localstack.process.Commands;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Debian's redis-server as a child process; append-only persistence when the data is meant to be kept. */
public final class RedisServer extends ProcessBackedServer implements RedisEndpoint {

    private final int port;
    private final Path directory;
    private final boolean persistent;

    public RedisServer(int port, Path directory, boolean persistent) {
        super(Duration.ofSeconds(20), Duration.ofSeconds(10));
        this.port = port;
        this.directory = directory;
        this.persistent = persistent;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    protected ManagedProcess prepare() {
        Path binary = Commands.require("redis-server", "redis-server");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                directory.toString(),
                "--daemonize",
                "no",
                "--logfile",
                ""));
        command.addAll(
                persistent
                        ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
                        : List.of("--save", "", "--appendonly", "no"));
        return ManagedProcess.named(name())
                .command(command)
                .workingDirectory(directory)
                .logFile(directory.resolve("redis.log"))
                .build();
    }

    /** PING over a plain socket: no client library needed to know the server answers. */
    @Override
    protected boolean isReady() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = socket.getInputStream().readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A Lettuce/Spring style URI. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }
}
