package com.mocktrading.platform.security;

import com.mocktrading.platform.error.ErrorCode;
import com.mocktrading.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Defence in depth behind the gateway: every servlet service validates the bearer token itself. Only the
 * health probes and the metrics endpoint are open. Stateless: no session, no CSRF token (no cookies).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(JwtProperties.class)
public class ServletSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        return JwtDecoders.create(properties);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> {})
                        .authenticationEntryPoint((request, response, e) -> problems.write(
                                request, response, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, ErrorCode.FORBIDDEN, "Not allowed")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                        request, response, ErrorCode.UNAUTHENTICATED, "A valid bearer token is required")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .build();
    }
}
