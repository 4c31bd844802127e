package com.mocktrading.marketdata.websocket;

import com.mocktrading.core.price.PriceCache;
import com.mocktrading.marketdata.fanout.RedisChannelHub;
import com.mocktrading.marketdata.orders.OrderCatchUp;
import com.mocktrading.marketdata.symbols.SymbolDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /marketdata}: the user comes from the token validated at the handshake. Outgoing frames are pulled by
 * the socket (Reactor Netty requests more only while the channel is writable), so a client that does not read
 * stops demand and its updates conflate in its outbox instead of piling up in memory.
 */
public final class MarketDataWebSocketHandler implements WebSocketHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataWebSocketHandler.class);

    private static final String DROPPED = "marketdata.connections.dropped";
    private static final String TOO_MANY_CONNECTIONS = "too_many_connections";
    private static final String TOO_SLOW = "too_slow";

    private final SymbolDirectory symbols;
    private final PriceCache prices;
    private final RedisChannelHub<Update> hub;
    private final OrderCatchUp orderCatchUp;
    private final ConnectionLimits limits;
    private final Connections connections;
    private final MeterRegistry meters;
    private final FrameMeters frameMeters;

    public MarketDataWebSocketHandler(
            SymbolDirectory symbols,
            PriceCache prices,
            RedisChannelHub<Update> hub,
            OrderCatchUp orderCatchUp,
            ConnectionLimits limits,
            Connections connections,
            MeterRegistry meters) {
        this.symbols = symbols;
        this.prices = prices;
        this.hub = hub;
        this.orderCatchUp = orderCatchUp;
        this.limits = limits;
        this.connections = connections;
        this.meters = meters;
        this.frameMeters = new FrameMeters(meters);
        // At zero from the start, so that a dashboard's rate of drops is 0 rather than no data.
        for (String reason : List.of(TOO_MANY_CONNECTIONS, TOO_SLOW)) {
            meters.counter(DROPPED, "reason", reason);
        }
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return session.getHandshakeInfo()
                .getPrincipal()
                .flatMap(principal -> serve(session, principal.getName(), expiryOf(principal)))
                .switchIfEmpty(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION)));
    }

    /** A session lives no longer than the token it was opened with: the client reconnects with a fresh one. */
    private static Optional<Instant> expiryOf(Principal principal) {
        return principal instanceof JwtAuthenticationToken jwt
                ? Optional.ofNullable(jwt.getToken().getExpiresAt())
                : Optional.empty();
    }

    private Mono<Void> serve(WebSocketSession session, String userId, Optional<Instant> tokenExpiry) {
        if (!connections.admit(userId, limits.maxConnectionsPerUser())) {
            LOG.warn("user {} refused: already {} connections", userId, limits.maxConnectionsPerUser());
            meters.counter(DROPPED, "reason", TOO_MANY_CONNECTIONS).increment();
            return session.close(new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "too many connections"));
        }
        AtomicReference<FluxSink<String>> sink = new AtomicReference<>();
        ClientConnection client = new ClientConnection(
                userId,
                symbols,
                prices,
                hub,
                orderCatchUp,
                limits,
                frame -> sink.get().next(frame),
                () -> tooSlow(session, userId),
                frameMeters);
        connections.add(client);
        LOG.info("user {} connected ({} connections)", userId, connections.count());

        Flux<WebSocketMessage> outgoing = Flux.<String>create(emitter -> {
                    sink.set(emitter);
                    emitter.onRequest(client::request);
                })
                .map(session::textMessage);
        Mono<Void> sending = session.send(outgoing);
        AtomicReference<CloseStatus> ending = new AtomicReference<>();
        Disposable expiry =
                scheduleExpiry(tokenExpiry, userId, ending, () -> sink.get().complete());
        Mono<Void> receiving = session.receive()
                .concatMap(message -> switch (message.getType()) {
                    case TEXT -> {
                        int length = message.getPayload().readableByteCount();
                        if (length > limits.maxFrameBytes()) {
                            client.rejectOversized(length, limits.maxFrameBytes());
                            yield Mono.<Void>empty();
                        }
                        yield client.onText(message.getPayloadAsText());
                    }
                    case BINARY -> client.onBinary();
                    default -> Mono.<Void>empty();
                })
                .then();
        return Mono.firstWithSignal(sending.then(Mono.defer(() -> closing(session, ending))), receiving)
                .doFinally(signal -> {
                    expiry.dispose();
                    client.close();
                    connections.remove(client);
                    LOG.info("user {} disconnected ({})", userId, signal);
                });
    }

    /**
     * Ends the session when the token expires: the outgoing stream completes first, since a close frame can only
     * follow the frames being sent, then the close frame says why (1008, "token expired").
     */
    private static Disposable scheduleExpiry(
            Optional<Instant> tokenExpiry, String userId, AtomicReference<CloseStatus> ending, Runnable endOutgoing) {
        return tokenExpiry
                .map(at -> Mono.delay(max(Duration.ZERO, Duration.between(Instant.now(), at)))
                        .subscribe(elapsed -> {
                            LOG.info("user {} disconnected: token expired", userId);
                            ending.set(new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "token expired"));
                            endOutgoing.run();
                        }))
                .orElse(Disposables.disposed());
    }

    private static Mono<Void> closing(WebSocketSession session, AtomicReference<CloseStatus> ending) {
        CloseStatus status = ending.get();
        return status == null ? Mono.empty() : session.close(status);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void tooSlow(WebSocketSession session, String userId) {
        LOG.warn("user {} disconnected: too many undelivered frames", userId);
        meters.counter(DROPPED, "reason", TOO_SLOW).increment();
        // Not on the caller's thread: it may hold the connection's locks.
        session.close(new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "too slow"))
                .subscribeOn(Schedulers.parallel())
                .subscribe();
    }
}
