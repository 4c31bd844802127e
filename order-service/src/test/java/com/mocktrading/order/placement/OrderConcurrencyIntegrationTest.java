package com.mocktrading.order.placement;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.portfolio;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.order.support.OrderServiceTestSupport.publishedOrdersOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.events.TradeOrderPayload;
import com.mocktrading.order.support.OrderServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many concurrent buys by one user: each is judged against a strongly consistent read at the moment it is
 * processed, so once the cash has dropped (as an execution would drop it), no request sent afterwards can be
 * accepted on the old balance; and every acceptance is exactly one queued order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderConcurrencyIntegrationTest {

    private static final int CONCURRENT = 16;

    @LocalServerPort
    int port;

    private final ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void judgesEveryConcurrentBuyAgainstTheCashAtItsOwnReadAndQueuesEachAcceptanceOnce() throws Exception {
        // Given 100000.00 cash and a price of 1000.00
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "1000.00");
        portfolio(user, "100000.00", Map.of());

        // When many buys of 60000.00 race: each alone is covered by the cash it reads
        List<HttpResponse<String>> covered = burst(user, symbol, 60);

        // Then each is accepted (acceptance reserves nothing; execution re-checks at the execution price)
        assertThat(covered)
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(202));

        // When the cash drops to 5000.00 and then another burst of 10000.00 buys and 5000.00 buys races
        portfolio(user, "5000.00", Map.of());
        List<HttpResponse<String>> uncovered = burst(user, symbol, 10);
        List<HttpResponse<String>> exact = burst(user, symbol, 5);

        // Then none sent after the drop was judged on the old balance, and the exactly covered ones pass
        assertThat(uncovered)
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(402));
        assertThat(exact)
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(202));

        // And every 202 is one distinct order in trade_orders, and nothing else is
        List<String> accepted = new ArrayList<>();
        for (HttpResponse<String> response : concat(covered, exact)) {
            accepted.add(json(response).get("orderId").asText());
        }
        assertThat(accepted).doesNotHaveDuplicates();
        assertThat(publishedOrdersOf(user))
                .extracting(event -> event.payload().orderId())
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(publishedOrdersOf(user))
                .extracting(event -> event.payload())
                .extracting(TradeOrderPayload::quantity)
                .containsOnly(60L, 5L);
    }

    private List<HttpResponse<String>> burst(String user, String symbol, long quantity) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return post(port, "/orders", order(symbol, "BUY", quantity), user, null);
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    private static List<HttpResponse<String>> concat(List<HttpResponse<String>> a, List<HttpResponse<String>> b) {
        List<HttpResponse<String>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
