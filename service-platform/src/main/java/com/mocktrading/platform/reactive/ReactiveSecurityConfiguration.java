package com.mocktrading.platform.reactive;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.security.JwtDecoders;
import com.mocktrading.platform.security.JwtProperties;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Defence in depth for WebFlux services, with the same rules as the servlet ones: RS256 bearer tokens with
 * issuer, expiry and subject checks; only probes, metrics and the paths a service lists in
 * {@code mocktrading.security.public-paths} open; stateless. A token in the
 * {@code access_token} query parameter is accepted only on the paths listed in
 * {@code mocktrading.security.query-token-paths} (WebSocket handshakes: browsers cannot set headers there), so
 * REST calls never learn to put tokens into URLs.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({SecurityWebFilterChain.class, ReactiveJwtDecoder.class})
@EnableConfigurationProperties(JwtProperties.class)
public class ReactiveSecurityConfiguration {

    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(JwtProperties properties) {
        return JwtDecoders.createReactive(properties);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder decoder,
            @Value("${mocktrading.security.query-token-paths:}") List<String> queryTokenPaths,
            @Value("${mocktrading.security.public-paths:}") List<String> publicPaths) {
        ReactiveProblemWriter problems = new ReactiveProblemWriter();
        return http.authorizeExchange(exchanges -> {
                    exchanges
                            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                            .permitAll();
                    // CORS preflights carry no credentials by design; what they may do is the CORS rules' call.
                    exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                    if (!publicPaths.isEmpty()) {
                        exchanges
                                .pathMatchers(publicPaths.toArray(String[]::new))
                                .permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(bearerTokens(queryTokenPaths))
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint((exchange, e) ->
                                problems.write(exchange, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"))
                        .accessDeniedHandler(
                                (exchange, e) -> problems.write(exchange, ErrorCode.FORBIDDEN, "Not allowed")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((exchange, e) ->
                        problems.write(exchange, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required")))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    private static ServerAuthenticationConverter bearerTokens(List<String> queryTokenPaths) {
        ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();
        ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();
        headerOrQuery.setAllowUriQueryParameter(true);
        return exchange -> queryTokenPaths.contains(
                        exchange.getRequest().getPath().pathWithinApplication().value())
                ? headerOrQuery.convert(exchange)
                : headerOnly.convert(exchange);
    }
}
