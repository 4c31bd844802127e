package com.mocktrading.chaos;

import java.time.Duration;

/**
 * One way of breaking the system under load.
 *
 * @param summary what is done, in a line
 * @param expected what clients see while the fault lasts and what must hold after it
 * @param faultLength how long the fault lasts before it is healed (zero: healing is the system's own recovery)
 */
record Scenario(
        String name,
        String summary,
        String expected,
        WorkloadShape shape,
        Duration faultLength,
        FaultInjection fault) {}
