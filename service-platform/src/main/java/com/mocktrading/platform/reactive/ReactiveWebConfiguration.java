package com.mocktrading.platform.reactive;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The web plumbing every WebFlux service shares: problem+json errors and request ids. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(CallNotPermittedException.class)
public class ReactiveWebConfiguration {

    @Bean
    ReactiveProblemWriter reactiveProblemWriter() {
        return new ReactiveProblemWriter();
    }

    /** Picked up by the request observation: every request metric says which problem code it answered. */
    @Bean
    ReactiveProblemCodeObservationConvention reactiveProblemCodeObservationConvention() {
        return new ReactiveProblemCodeObservationConvention();
    }

    /** Before Boot's error handler (order -1), which would render plain JSON. */
    @Bean
    @Order(-2)
    ProblemWebExceptionHandler problemWebExceptionHandler(ReactiveProblemWriter problems) {
        return new ProblemWebExceptionHandler(problems);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }
}
