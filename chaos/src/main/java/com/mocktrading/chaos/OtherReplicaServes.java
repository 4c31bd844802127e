package com.mocktrading.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica of a service is down for {@code down}; the others must serve meanwhile: no client may go unanswered
 * for as long as the replica was down. With one replica, or with a gateway that kept sending to the dead one,
 * clients would wait the whole time (and the restart on top).
 */
final class OtherReplicaServes implements FaultInjection {

    private final FaultInjection fault;
    private final Duration down;

    OtherReplicaServes(FaultInjection fault, Duration down) {
        this.fault = fault;
        this.down = down;
    }

    @Override
    public void inject(ChaosStack stack) throws Exception {
        fault.inject(stack);
    }

    @Override
    public void heal(ChaosStack stack) throws Exception {
        fault.heal(stack);
    }

    @Override
    public List<String> verify(ChaosStack stack, ScenarioRun.Evidence evidence) throws Exception {
        List<String> violations = new ArrayList<>(fault.verify(stack, evidence));
        if (evidence.longestUnavailability().compareTo(down) >= 0) {
            violations.add("a client went unanswered for "
                    + evidence.longestUnavailability().toMillis() + " ms while one replica was down for "
                    + down.toMillis() + " ms: the others did not serve");
        }
        return violations;
    }
}
