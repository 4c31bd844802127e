package com.mocktrading.order.outage;

import static com.mocktrading.order.support.OrderServiceTestSupport.assertProblem;
import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.get;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.order.support.OrderServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Kafka unreachable: never a 202, never an ACCEPTED record, and a keyed retry keeps its order id. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaOutageIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServersWithOneUnreachable(registry, "spring.kafka.bootstrap-servers", "");
    }

    @Test
    void answers503WithRetryAfterAndRecordsNoOrderThatIsNotQueued() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");

        HttpResponse<String> response = post(port, "/orders", order(symbol, "BUY", 1), user, null);

        assertProblem(response, 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(get(port, "/orders", user)).get("orders")).isEmpty();
    }

    @Test
    void aKeyedRetryReusesTheOrderIdSoAnOrderThatDidGetThroughCannotBeDoubled() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");

        assertProblem(post(port, "/orders", order(symbol, "BUY", 1), user, "unsure"), 503, "DEPENDENCY_UNAVAILABLE");
        String firstAttempt = claimedOrderId(user, "unsure");
        assertProblem(post(port, "/orders", order(symbol, "BUY", 1), user, "unsure"), 503, "DEPENDENCY_UNAVAILABLE");

        assertThat(claimedOrderId(user, "unsure")).isEqualTo(firstAttempt);
    }

    private static String claimedOrderId(String user, String key) {
        return OrderServiceTestSupport.dynamo()
                .getItem(b -> b.tableName(TableDefinitions.IDEMPOTENCY_KEYS)
                        .key(Map.of("idempotencyKey", AttributeValue.fromS(user + "#" + key)))
                        .consistentRead(true))
                .item()
                .get("orderId")
                .s();
    }
}
