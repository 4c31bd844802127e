package com.mocktrading.gateway.websocket;

import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code AccessTokenToHeader}: moves a browser's {@code ?access_token=} into an {@code Authorization} header before
 * the request is forwarded, so the token never appears in a URI the gateway records (its HTTP client's metrics and
 * trace attributes, the upstream's access logs). The service behind accepts either form.
 */
@Component
class AccessTokenToHeaderGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String PARAMETER = "access_token";

    AccessTokenToHeaderGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            String token = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
            if (token == null) {
                return chain.filter(exchange);
            }
            URI withoutToken = UriComponentsBuilder.fromUri(
                            exchange.getRequest().getURI())
                    .replaceQueryParam(PARAMETER)
                    .build(true)
                    .toUri();
            return chain.filter(exchange.mutate()
                    .request(request -> request.uri(withoutToken).headers(headers -> {
                        if (!headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
                            headers.setBearerAuth(token);
                        }
                    }))
                    .build());
        };
    }
}
