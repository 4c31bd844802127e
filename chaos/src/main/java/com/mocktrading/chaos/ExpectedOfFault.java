package com.mocktrading.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * A fault with an expectation of its own on top of the common verdict: injected and healed as the wrapped fault
 * is, judged by what that fault checks and by {@link #unmet}.
 */
abstract class ExpectedOfFault implements FaultInjection {

    private final FaultInjection fault;

    ExpectedOfFault(FaultInjection fault) {
        this.fault = fault;
    }

    @Override
    public final void inject(ChaosStack stack) throws Exception {
        fault.inject(stack);
    }

    @Override
    public final void heal(ChaosStack stack) throws Exception {
        fault.heal(stack);
    }

    @Override
    public final List<String> verify(ChaosStack stack, ScenarioRun.Evidence evidence) throws Exception {
        List<String> violations = new ArrayList<>(fault.verify(stack, evidence));
        violations.addAll(unmet(evidence));
        return violations;
    }

    /** What the run shows of this expectation not being met; empty if it was. */
    abstract List<String> unmet(ScenarioRun.Evidence evidence);
}
