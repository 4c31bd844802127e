package com.mocktrading.platform.reactive;

import com.mocktrading.platform.error.ProblemCodeTag;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/** The WebFlux request metrics with the answer's problem code beside its status ({@link ProblemCodeTag}). */
public class ReactiveProblemCodeObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context)
                .and(
                        ProblemCodeTag.KEY,
                        ProblemCodeTag.valueOf(context.getAttributes().get(ProblemCodeTag.ATTRIBUTE)));
    }
}
