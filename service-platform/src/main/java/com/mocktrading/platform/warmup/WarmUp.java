package com.mocktrading.platform.warmup;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Walks the service's {@link WarmUpStep}s before it reports ready (readiness follows the runners), so that its first
 * requests do not answer slowly or time out at the gateway. A store that is down here delays nothing: the service
 * starts and recovers by itself.
 */
public class WarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final int ROUNDS = 20;

    private final List<WarmUpStep> steps;

    public WarmUp(List<WarmUpStep> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                steps.forEach(WarmUpStep::run);
            }
            LOG.info("warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException unavailable) {
            LOG.warn("warm-up incomplete, a dependency is unavailable: {}", unavailable.toString());
        }
    }
}
