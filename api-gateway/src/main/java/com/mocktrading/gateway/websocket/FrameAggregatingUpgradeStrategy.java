package com.mocktrading.gateway.websocket;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Reactor Netty's upgrade, with the frame aggregator installed the moment the connection is upgraded. Spring's
 * session installs it only when the handler first subscribes to the inbound side, and the gateway's proxy handler
 * does that only once the upstream connection is open: a fragmented message the client sends right after the
 * handshake is decoded meanwhile as raw continuation frames, which the proxy cannot forward, and the client is
 * disconnected. Installed up front, every message is whole, up to the same limit as the service behind.
 */
final class FrameAggregatingUpgradeStrategy implements RequestUpgradeStrategy {

    private final int maxMessageSize;

    FrameAggregatingUpgradeStrategy(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public Mono<Void> upgrade(
            ServerWebExchange exchange,
            WebSocketHandler handler,
            @Nullable String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse reactorResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        HandshakeInfo handshakeInfo = handshakeInfoFactory.get();
        NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
        WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder().maxFramePayloadLength(maxMessageSize);
        if (subProtocol != null) {
            spec.protocols(subProtocol);
        }
        return response.setComplete()
                .then(Mono.defer(() -> reactorResponse.sendWebsocket(
                        (in, out) -> handler.handle(new ReactorNettyWebSocketSession(
                                in.aggregateFrames(maxMessageSize), out, handshakeInfo, buffers, maxMessageSize)),
                        spec.build())));
    }
}
