package com.mocktrading.platform.web;

import com.mocktrading.platform.error.ProblemCodeTag;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** The request metrics with the answer's problem code beside its status ({@link ProblemCodeTag}). */
public class ProblemCodeObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context)
                .and(
                        ProblemCodeTag.KEY,
                        ProblemCodeTag.valueOf(context.getCarrier().getAttribute(ProblemCodeTag.ATTRIBUTE)));
    }
}
