package com.mocktrading.chaos;

import com.mocktrading.domain.order.OrderRecord;
import com.mocktrading.domain.order.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault after which every live client must be connected again and receiving prices: each one got a price after
 * the fault ended. How many of their orders' updates they saw is reported (delivery is at least once while
 * connected; the history is the record), not judged.
 */
final class LiveClientsRecover extends ExpectedOfFault {

    LiveClientsRecover(FaultInjection fault) {
        super(fault);
    }

    @Override
    List<String> unmet(ScenarioRun.Evidence evidence) {
        List<String> violations = new ArrayList<>();
        for (LiveClients.LiveClient client : evidence.liveClients()) {
            if (client.lastPriceNanos() < evidence.faultEndedNanos()) {
                violations.add("live client " + client.user().id() + " got no price after the fault ended ("
                        + client.connections() + " connections)");
            }
        }
        return violations;
    }

    /** One line per live client: its connections and the order updates it saw of its decided orders. */
    static List<String> describe(ScenarioRun.Evidence evidence) {
        List<String> lines = new ArrayList<>();
        for (LiveClients.LiveClient client : evidence.liveClients()) {
            Set<String> decided = evidence.orders().stream()
                    .filter(order -> order.userId().equals(client.user().id()))
                    .filter(order -> order.status() != OrderStatus.ACCEPTED && order.status() != OrderStatus.WITHDRAWN)
                    .map(OrderRecord::orderId)
                    .collect(Collectors.toSet());
            long seen = decided.stream().filter(client.orderUpdates()::contains).count();
            lines.add(String.format(
                    "%s: %d connections opened, price after the fault: %s, order updates for %d of its %d decided orders",
                    client.user().id(),
                    client.connections(),
                    client.lastPriceNanos() >= evidence.faultEndedNanos() ? "yes" : "NO",
                    seen,
                    decided.size()));
        }
        return lines;
    }
}
