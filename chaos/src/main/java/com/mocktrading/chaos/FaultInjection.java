package com.mocktrading.chaos;

import java.util.List;

/** What a scenario does to the running system, and what it checks beyond the common verdict. */
interface FaultInjection {

    /** Breaks something; returns once the fault is in place. */
    void inject(ChaosStack stack) throws Exception;

    /** Ends the fault (and waits for what the system restarts by itself, if it is the fault's end). */
    default void heal(ChaosStack stack) throws Exception {}

    /** Violations particular to this scenario, judged after the system settled. */
    default List<String> verify(ChaosStack stack, ScenarioRun.Evidence evidence) throws Exception {
        return List.of();
    }
}
