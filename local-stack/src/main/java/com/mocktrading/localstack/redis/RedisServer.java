package com.mocktrading.localstack.redis;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.Readiness;
import com.mocktrading.localstack.process.Commands;
import com.mocktrading.localstack.process.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
public final class RedisServer implements LocalServer {

    private final int port;
    private final Path directory;
    private final boolean persistent;
    private ManagedProcess process;

    public RedisServer(int port, Path directory, boolean persistent) {
        this.port = port;
        this.directory = directory;
        this.persistent = persistent;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path binary = Commands.require("redis-server", "redis-server");
        createDirectory();
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
        process = ManagedProcess.named(name())
                .command(command)
                .workingDirectory(directory)
                .logFile(directory.resolve("redis.log"))
                .build();
        process.start();
        Readiness.await(
                "redis on port " + port,
                Duration.ofSeconds(20),
                this::answersPing,
                process::isAlive,
                () -> process.logTail(20));
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(10));
            process = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
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

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
