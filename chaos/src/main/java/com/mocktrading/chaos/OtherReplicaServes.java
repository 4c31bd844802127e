package com.mocktrading.chaos;

import java.time.Duration;
import java.util.List;

/**
 * One replica of a service is down for {@code down}; the others must serve meanwhile: no client may go unanswered
 * for as long as the replica was down. With one replica, or with a gateway that kept sending to the dead one,
 * clients would wait the whole time (and the restart on top).
 */
final class OtherReplicaServes extends ExpectedOfFault {

    private final Duration down;

    OtherReplicaServes(FaultInjection fault, Duration down) {
        super(fault);
        this.down = down;
    }

    @Override
    List<String> unmet(ScenarioRun.Evidence evidence) {
        if (evidence.longestUnavailability().compareTo(down) >= 0) {
            return List.of("a client went unanswered for "
                    + evidence.longestUnavailability().toMillis() + " ms while one replica was down for "
                    + down.toMillis() + " ms: the others did not serve");
        }
        return List.of();
    }
}
