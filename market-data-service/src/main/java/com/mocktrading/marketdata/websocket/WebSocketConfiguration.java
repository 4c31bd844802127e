package com.mocktrading.marketdata.websocket;

import com.mocktrading.core.order.OrderStore;
import com.mocktrading.core.price.PriceCache;
import com.mocktrading.marketdata.config.MarketDataProperties;
import com.mocktrading.marketdata.fanout.RedisChannelHub;
import com.mocktrading.marketdata.orders.OrderCatchUp;
import com.mocktrading.marketdata.symbols.SymbolDirectory;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/** The {@code /marketdata} endpoint, its shared Redis subscription, and the transport's hard frame limit. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    public static final String PATH = "/marketdata";

    @Bean
    Connections connections(MeterRegistry meters) {
        Connections connections = new Connections();
        Gauge.builder("marketdata.connections", connections, Connections::count)
                .description("open WebSocket connections")
                .register(meters);
        Gauge.builder("marketdata.outbox.max.waiting", connections, Connections::maxWaitingFrames)
                .description("most frames waiting for any one client")
                .register(meters);
        Gauge.builder("marketdata.subscriptions", connections, Connections::subscriptions)
                .description("topics held by the open connections")
                .register(meters);
        return connections;
    }

    @Bean(destroyMethod = "close")
    RedisChannelHub<Update> redisChannelHub(
            RedisClient redis, MarketDataProperties properties, Connections connections, MeterRegistry meters) {
        RedisChannelHub<Update> hub = new RedisChannelHub<>(
                redis, Update::decode, properties.redisWatchdogInterval(), connections::refreshAll);
        Gauge.builder("marketdata.redis.channels", hub, RedisChannelHub::channelCount)
                .description("Redis channels this instance subscribes")
                .register(meters);
        return hub;
    }

    @Bean
    MarketDataWebSocketHandler marketDataWebSocketHandler(
            SymbolDirectory symbols,
            PriceCache prices,
            RedisChannelHub<Update> hub,
            OrderStore orders,
            MarketDataProperties properties,
            Connections connections,
            MeterRegistry meters) {
        ConnectionLimits limits = new ConnectionLimits(
                properties.maxTopicsPerConnection(),
                (int) properties.maxFrameSize().toBytes(),
                properties.orderedBacklog(),
                properties.orderedBacklogSize().toBytes(),
                properties.snapshotTimeout(),
                properties.maxConnectionsPerUser());
        return new MarketDataWebSocketHandler(
                symbols, prices, hub, new OrderCatchUp(orders), limits, connections, meters);
    }

    @Bean
    HandlerMapping marketDataWebSocketMapping(MarketDataWebSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(PATH, handler), -1);
    }

    /**
     * Frames up to the transport limit are read (and answered with FRAME_TOO_LARGE above the protocol limit);
     * beyond it the transport closes the connection (1009) without buffering more.
     */
    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(MarketDataProperties properties) {
        int transportLimit = (int) properties.maxTransportFrameSize().toBytes();
        ReactorNettyRequestUpgradeStrategy strategy = new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(transportLimit));
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(strategy));
    }
}
