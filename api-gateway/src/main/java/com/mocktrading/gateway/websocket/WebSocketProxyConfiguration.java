package com.mocktrading.gateway.websocket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;

/** The gateway's side of proxied WebSockets: whole messages up to the limit of the service behind (1 MB). */
@Configuration(proxyBeanMethods = false)
class WebSocketProxyConfiguration {

    @Bean
    @Primary
    RequestUpgradeStrategy frameAggregatingUpgradeStrategy(
            @Value("${spring.cloud.gateway.server.webflux.httpclient.websocket.max-frame-payload-length}")
                    int maxMessageSize) {
        return new FrameAggregatingUpgradeStrategy(maxMessageSize);
    }
}
