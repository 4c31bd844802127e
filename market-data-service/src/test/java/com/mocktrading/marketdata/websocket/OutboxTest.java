package com.mocktrading.marketdata.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final List<String> sent = new ArrayList<>();
    private final AtomicInteger overflows = new AtomicInteger();
    private final AtomicInteger conflated = new AtomicInteger();
    private final Outbox outbox =
            new Outbox(3, 1_000, sent::add, overflows::incrementAndGet, conflated::incrementAndGet);

    @Test
    void sendsNothingWithoutDemandAndKeepsOnlyTheNewestPricePerTopic() {
        outbox.activate(Set.of("prices:A", "prices:B"), "ack");
        for (int i = 1; i <= 1000; i++) {
            outbox.offerPrice("prices:A", i, "A" + i);
            outbox.offerPrice("prices:B", i, "B" + i);
        }

        assertThat(sent).isEmpty();
        assertThat(outbox.waitingFrames()).isEqualTo(3);
        assertThat(conflated).hasValue(1998);

        outbox.request(10);
        assertThat(sent).containsExactly("ack", "A1000", "B1000");
    }

    @Test
    void neverGoesBackInTimeForATopic() {
        outbox.activate(Set.of("prices:A"), "ack");
        outbox.request(Long.MAX_VALUE);

        outbox.offerPrice("prices:A", 5, "A5");
        outbox.offerPrice("prices:A", 4, "A4 (late snapshot)");
        outbox.offerPrice("prices:A", 5, "A5 again");
        outbox.offerPrice("prices:A", 6, "A6");

        assertThat(sent).containsExactly("ack", "A5", "A6");
    }

    @Test
    void ignoresTopicsNotActiveAndDropsWaitingUpdatesOnDeactivation() {
        outbox.offerPrice("prices:A", 1, "before subscribing");
        outbox.activate(Set.of("prices:A", "prices:B"), "subscribed");
        outbox.offerPrice("prices:A", 2, "A2");
        outbox.offerPrice("prices:B", 2, "B2");
        outbox.deactivate(Set.of("prices:A"), "unsubscribed");
        outbox.offerPrice("prices:A", 3, "after unsubscribing");

        outbox.request(10);

        assertThat(sent).containsExactly("subscribed", "unsubscribed", "B2");
    }

    @Test
    void ordersUpdatesQueueInOrderOnlyForActiveTopicsAndOverflowDisconnects() {
        outbox.offerInOrder("orders", "not subscribed yet");
        outbox.activate(Set.of("orders"), "subscribed");
        outbox.offerInOrder("orders", "o1");
        outbox.offerInOrder("orders", "o2");

        assertThat(overflows).hasValue(0);
        outbox.offerInOrder("orders", "o3");

        assertThat(overflows).hasValue(1);
        outbox.request(10);
        assertThat(sent).isEmpty();
    }

    @Test
    void aBacklogOfLargeFramesOverflowsByItsSizeLongBeforeItsCount() {
        Outbox bounded = new Outbox(1_000, 150_000, sent::add, overflows::incrementAndGet, conflated::incrementAndGet);
        String echo = "x".repeat(64 * 1024); // an unsubscribe reply echoing a 64 KB frame

        bounded.offerInOrder(echo);
        bounded.offerInOrder(echo);
        assertThat(overflows).hasValue(0);
        bounded.offerInOrder(echo);

        assertThat(overflows).hasValue(1);
        assertThat(bounded.waitingFrames()).isZero();
    }

    @Test
    void sentFramesNoLongerCountAgainstTheSizeBound() {
        Outbox bounded = new Outbox(1_000, 150_000, sent::add, overflows::incrementAndGet, conflated::incrementAndGet);
        String echo = "x".repeat(64 * 1024);
        bounded.request(Long.MAX_VALUE);

        for (int i = 0; i < 10; i++) {
            bounded.offerInOrder(echo);
        }

        assertThat(overflows).hasValue(0);
        assertThat(sent).hasSize(10);
    }

    @Test
    void emitsEachFrameOnceUnderConcurrentOffersAndRequests() throws Exception {
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        Outbox shared = new Outbox(100_000, Long.MAX_VALUE, received::add, () -> {}, () -> {});
        shared.activate(Set.of("orders"), "ack");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(3);
        for (int t = 0; t < 2; t++) {
            int thread = t;
            threads.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    shared.offerInOrder("orders", thread + ":" + i);
                }
                done.countDown();
            });
        }
        threads.submit(() -> {
            for (int i = 0; i < 20_001; i++) {
                shared.request(1);
            }
            done.countDown();
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        threads.shutdown();

        assertThat(received).hasSize(20_001).doesNotHaveDuplicates();
        for (int t = 0; t < 2; t++) {
            String prefix = t + ":";
            assertThat(received.stream()
                            .filter(frame -> frame.startsWith(prefix))
                            .toList())
                    .isSortedAccordingTo((a, b) ->
                            Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))));
        }
    }
}
