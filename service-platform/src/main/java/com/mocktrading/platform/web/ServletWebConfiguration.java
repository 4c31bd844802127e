package com.mocktrading.platform.web;

import com.mocktrading.platform.error.ProblemDetailsAdvice;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** The web plumbing every servlet service shares: error rendering, request ids, log context, body limit. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterProperties.class, CallNotPermittedException.class})
public class ServletWebConfiguration {

    @Bean
    ProblemWriter problemWriter() {
        return new ProblemWriter();
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ProblemCodeRecorder problemCodeRecorder() {
        return new ProblemCodeRecorder();
    }

    /** Picked up by the request observation: every request metric says which problem code it answered. */
    @Bean
    ProblemCodeObservationConvention problemCodeObservationConvention() {
        return new ProblemCodeObservationConvention();
    }

    /** Before everything else (the agent opens the request's span before any filter runs). */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${mocktrading.web.max-request-body:16KB}") DataSize limit, ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Right after the security chain, which is where the caller becomes known. */
    @Bean
    FilterRegistrationBean<UserLogContextFilter> userLogContextFilter() {
        FilterRegistrationBean<UserLogContextFilter> registration =
                new FilterRegistrationBean<>(new UserLogContextFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
