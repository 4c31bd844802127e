package com.mocktrading.chaos;

import java.util.List;

/**
 * The load of one hot user is the fault: the ordinary users next to it must get every order answered, none
 * refused for the hot user's rate, and the hot user must have been limited.
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
        if (hotAttempts <= hotOrders) {
            return List.of(
                    "the hot user was never rate limited (" + hotAttempts + " requests for " + hotOrders + " orders)");
        }
        return List.of();
    }
}
