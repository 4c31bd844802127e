package com.mocktrading.localstack.fault;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback between the processes of the system and one server, through which faults are injected
 * ({@link #inject}): the network a real deployment has between a service and its store, made breakable. With
 * {@link Framing#HTTP} it forwards whole requests, so that it can also answer some itself
 * ({@link Fault.HttpErrors}); the clients in front of it do not pipeline, so an answer of its own never
 * overtakes the server's answer to an earlier request.
 */
public final class FaultProxy implements AutoCloseable {

    /** How the proxy reads what clients send. */
    public enum Framing {
        /** Any protocol, passed on as it arrives. */
        BYTES,
        /** HTTP/1.1 requests, passed on one whole request at a time. */
        HTTP
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

    private final String name;
    private final String targetHost;
    private final int targetPort;
    private final Framing framing;
    private final ServerSocket listener;
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final Object faultChanged = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong answeredWithErrors = new AtomicLong();
    private volatile Fault fault = Fault.NONE;
    private volatile boolean closed;

    private FaultProxy(String name, ServerSocket listener, String targetHost, int targetPort, Framing framing) {
        this.name = name;
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.framing = framing;
    }

    /** Listens on {@code port} of loopback (0: any free one) and passes connections on to the target. */
    public static FaultProxy start(String name, int port, String targetHost, int targetPort, Framing framing) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            FaultProxy proxy = new FaultProxy(name, listener, targetHost, targetPort, framing);
            Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-" + name);
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("fault proxy " + name + " cannot listen on port " + port, e);
        }
    }

    /** Applies {@code next} to the connections open now and to every later one, until the next call. */
    public void inject(Fault next) {
        if (next instanceof Fault.HttpErrors && framing != Framing.HTTP) {
            throw new IllegalArgumentException(name + " does not frame HTTP and cannot answer requests itself");
        }
        boolean severs = next instanceof Fault.Reset || next instanceof Fault.Drop;
        if (severs) {
            // Before the fault is published: bytes held back by an earlier fault must not slip out on the way.
            connections.forEach(connection -> connection.close(next instanceof Fault.Reset));
        }
        synchronized (faultChanged) {
            fault = next;
            faultChanged.notifyAll();
        }
        LOG.info("fault proxy {}: {}", name, next);
    }

    /** Lets everything pass again. */
    public void heal() {
        inject(Fault.NONE);
    }

    public Fault fault() {
        return fault;
    }

    public String name() {
        return name;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:port}: where clients connect instead of the server. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public long acceptedConnections() {
        return accepted.get();
    }

    /** Connections reset or dropped on arrival while such a fault lasted. */
    public long refusedConnections() {
        return refused.get();
    }

    /** Requests the proxy answered itself with an injected error. */
    public long requestsAnsweredWithErrors() {
        return answeredWithErrors.get();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (faultChanged) {
            faultChanged.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        connections.forEach(connection -> connection.close(false));
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("fault proxy {} stopped accepting: {}", name, e.toString());
                }
                return;
            }
            accepted.incrementAndGet();
            Fault now = fault;
            if (now instanceof Fault.Reset || now instanceof Fault.Drop) {
                refused.incrementAndGet();
                closeQuietly(client, now instanceof Fault.Reset);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
            } catch (IOException unreachable) {
                // The server itself is down: the client sees what it would see without the proxy, a refusal.
                closeQuietly(server, false);
                closeQuietly(client, true);
                continue;
            }
            ProxiedConnection connection = new ProxiedConnection(client, server);
            connections.add(connection);
            connection.start();
        }
    }

    /** Blocks while the fault holds this direction back; false once the proxy or the connection closed. */
    private boolean awaitPassable(boolean request, ProxiedConnection connection) throws InterruptedException {
        synchronized (faultChanged) {
            while (!closed && !connection.closed && (request ? fault.holdsRequests() : fault.holdsAnswers())) {
                faultChanged.wait(200);
            }
        }
        return !closed && !connection.closed && !(fault instanceof Fault.Reset || fault instanceof Fault.Drop);
    }

    private static void closeQuietly(Socket socket, boolean reset) {
        try {
            if (reset && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** One client connection and its connection to the server, pumped by a thread each way. */
    private final class ProxiedConnection {
        private final Socket client;
        private final Socket server;
        private volatile boolean closed;

        ProxiedConnection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            Thread requests = new Thread(this::pumpRequests, "fault-proxy-" + name + "-requests");
            Thread answers = new Thread(this::pumpAnswers, "fault-proxy-" + name + "-answers");
            requests.setDaemon(true);
            answers.setDaemon(true);
            requests.start();
            answers.start();
        }

        private void pumpRequests() {
            try (InputStream in = new BufferedInputStream(client.getInputStream(), 16_384)) {
                OutputStream out = server.getOutputStream();
                if (framing == Framing.HTTP) {
                    HttpRequestReader reader = new HttpRequestReader(in);
                    for (byte[] request = reader.next(); request != null; request = reader.next()) {
                        if (!passOrAnswer(request, out)) {
                            return;
                        }
                    }
                } else {
                    pump(in, out, true);
                }
            } catch (IOException | InterruptedException | RuntimeException ended) {
                // The client went away, or the connection was closed under a fault.
            } finally {
                close(false);
            }
        }

        private void pumpAnswers() {
            try (InputStream in = server.getInputStream()) {
                pump(in, client.getOutputStream(), false);
            } catch (IOException | InterruptedException ended) {
                // The server went away, or the connection was closed under a fault.
            } finally {
                close(false);
            }
        }

        private void pump(InputStream in, OutputStream out, boolean request) throws IOException, InterruptedException {
            byte[] buffer = new byte[16_384];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!pass(buffer, read, out, request)) {
                    return;
                }
            }
        }

        private boolean passOrAnswer(byte[] request, OutputStream server) throws IOException, InterruptedException {
            Fault now = fault;
            if (now instanceof Fault.HttpErrors errors
                    && ThreadLocalRandom.current().nextDouble() < errors.fraction()) {
                answeredWithErrors.incrementAndGet();
                byte[] body = errors.body().getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 " + errors.status() + " Injected\r\n"
                        + "Content-Type: application/x-amz-json-1.0\r\n"
                        + "x-amzn-ErrorType: " + errors.errorType() + "\r\n"
                        + "x-amzn-RequestId: fault-proxy-" + answeredWithErrors.get() + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n";
                OutputStream toClient = client.getOutputStream();
                synchronized (this) {
                    toClient.write(head.getBytes(StandardCharsets.US_ASCII));
                    toClient.write(body);
                    toClient.flush();
                }
                return true;
            }
            return pass(request, request.length, server, true);
        }

        private boolean pass(byte[] bytes, int length, OutputStream out, boolean request)
                throws IOException, InterruptedException {
            if (!awaitPassable(request, this)) {
                return false;
            }
            if (fault instanceof Fault.Delay delay) {
                Thread.sleep(delay.latency().toMillis());
            }
            if (request) {
                out.write(bytes, 0, length);
                out.flush();
            } else {
                synchronized (this) {
                    out.write(bytes, 0, length);
                    out.flush();
                }
            }
            return true;
        }

        void close(boolean reset) {
            if (closed) {
                return;
            }
            closed = true;
            connections.remove(this);
            closeQuietly(client, reset);
            closeQuietly(server, reset);
        }
    }

    /** Reads HTTP/1.1 requests off a stream one at a time, head and body (by length or chunked), as raw bytes. */
    static final class HttpRequestReader {
        private final InputStream in;

        HttpRequestReader(InputStream in) {
            this.in = in;
        }

        /** The next whole request, or null at the end of the stream. */
        byte[] next() throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            long contentLength = 0;
            boolean chunked = false;
            String line = readLine(request);
            if (line == null) {
                return null;
            }
            while (!(line = readLine(request)).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String header = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (header.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (header.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(readLine(request)); size > 0; size = chunkSize(readLine(request))) {
                    copy(size, request);
                    readLine(request);
                }
                while (!readLine(request).isEmpty()) {
                    // Trailers, passed on as they are.
                }
            } else {
                copy(contentLength, request);
            }
            return request.toByteArray();
        }

        private static long chunkSize(String line) {
            int extension = line.indexOf(';');
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        private void copy(long length, ByteArrayOutputStream into) throws IOException {
            byte[] buffer = new byte[8_192];
            for (long left = length; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new SocketException("the request ended early");
                }
                into.write(buffer, 0, read);
                left -= read;
            }
        }

        /** A line without its CRLF (kept in {@code into}); null if the stream ended before any byte of it. */
        private String readLine(ByteArrayOutputStream into) throws IOException {
            StringBuilder line = new StringBuilder();
            int previous = -1;
            for (int current = in.read(); ; current = in.read()) {
                if (current < 0) {
                    if (line.length() == 0 && previous < 0) {
                        return null;
                    }
                    throw new SocketException("the request ended early");
                }
                into.write(current);
                if (previous == '\r' && current == '\n') {
                    line.setLength(line.length() - 1);
                    return line.toString();
                }
                line.append((char) current);
                previous = current;
            }
        }
    }
}
