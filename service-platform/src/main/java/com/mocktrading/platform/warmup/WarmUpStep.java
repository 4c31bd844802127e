package com.mocktrading.platform.warmup;

/**
 * A read a service's first requests would otherwise make cold (connections, metadata, a cold JIT and the tracing
 * agent's first instrumentation of a client); a bean of this type joins the service's {@link WarmUp}.
 */
@FunctionalInterface
public interface WarmUpStep {

    void run();
}
