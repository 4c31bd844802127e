package com.mocktrading.chaos;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The load of one hot user is the fault: the ordinary users next to it must get every order answered at once (no
 * 429, no 503, no timeout: nothing of the hot user's load may reach them), and the hot user must have been limited.
 */
final class OrdinaryUsersUnaffected implements FaultInjection {

    @Override
    public void inject(ChaosStack stack) {
        // The hot user's clients run from the start of the workload.
    }

    @Override
    public List<String> verify(ChaosStack stack, ScenarioRun.Evidence evidence) {
        String hot = evidence.hotUser().id();
        long ordinaryUnanswered = evidence.placed().stream()
                .filter(order -> !order.userId().equals(hot))
                .filter(order -> PlacedOrder.NO_ANSWER.equals(order.answer()))
                .count();
        long hotAttempts = evidence.placed().stream()
                .filter(order -> order.userId().equals(hot))
                .mapToInt(PlacedOrder::attempts)
                .sum();
        long hotOrders = evidence.placed().stream()
                .filter(order -> order.userId().equals(hot))
                .count();
        if (ordinaryUnanswered > 0) {
            return List.of(ordinaryUnanswered + " orders of ordinary users went unanswered next to the hot user");
        }
        List<String> refusedForLoad = evidence.placed().stream()
                .filter(order -> !order.userId().equals(hot))
                .flatMap(order -> order.answers().stream())
                .filter(answer -> answer.startsWith("429") || answer.startsWith("503") || answer.equals("TIMEOUT"))
                .toList();
        if (!refusedForLoad.isEmpty()) {
            return List.of("ordinary users were refused or timed out next to the hot user: "
                    + refusedForLoad.stream()
                            .collect(Collectors.groupingBy(answer -> answer, TreeMap::new, Collectors.counting())));
        }
        if (hotAttempts <= hotOrders) {
            return List.of(
                    "the hot user was never rate limited (" + hotAttempts + " requests for " + hotOrders + " orders)");
        }
        return List.of();
    }
}
