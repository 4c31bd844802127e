package com.mocktrading.platform.warmup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A service's warm-up, made of whatever {@link WarmUpStep}s it declares (none: nothing to do). */
@AutoConfiguration
public class WarmUpConfiguration {

    @Bean
    WarmUp warmUp(ObjectProvider<WarmUpStep> steps) {
        return new WarmUp(steps.orderedStream().toList());
    }
}
