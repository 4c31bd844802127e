package com.mocktrading.execution.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PerUserChainTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final PerUserChain chain = new PerUserChain(pool);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aUsersItemsRunOneAfterTheOtherInOrder() throws Exception {
        for (int i = 0; i < 50; i++) {
            int item = i;
            chain.then("alice", () -> ran.add("a" + item));
        }

        chain.then("alice", () -> true).get(10, TimeUnit.SECONDS);

        assertThat(ran)
                .hasSize(50)
                .isSortedAccordingTo(
                        (x, y) -> Integer.compare(Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1))));
    }

    @Test
    void afterAFailureTheUsersLaterItemsFailWithoutRunningAndOtherUsersGoOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> first = chain.then("alice", () -> {
            await(release);
            throw new IllegalStateException("DynamoDB throttled us");
        });
        CompletableFuture<Boolean> second = chain.then("alice", () -> ran.add("alice's second order"));
        CompletableFuture<Boolean> bob = chain.then("bob", () -> ran.add("bob's order"));

        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasMessageContaining("throttled");
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasMessageContaining("throttled");
        assertThat(bob.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("bob's order");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
