package com.mocktrading.order.outage;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.get;
import static com.mocktrading.order.support.OrderServiceTestSupport.json;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.domain.order.OrderStatus;
import com.mocktrading.order.support.OrderServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Kafka unreachable: never a 202, never an ACCEPTED record, and every unconfirmed order withdrawn, so the "nothing
 * changed" of the 503 holds even if the order did reach the topic.
 */
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
    void anUnconfirmedOrderIsWithdrawnSoItCanNeverExecuteAndItsKeyPlacesANewOrderOnRetry() {
        String user = newUser();
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");

        assertProblem(post(port, "/orders", order(symbol, "BUY", 1), user, "unsure"), 503, "DEPENDENCY_UNAVAILABLE");
        List<String> withdrawnFirst = withdrawnOrdersOf(user);
        assertProblem(post(port, "/orders", order(symbol, "BUY", 1), user, "unsure"), 503, "DEPENDENCY_UNAVAILABLE");

        // Each attempt's order is fenced (the execution job skips a withdrawn order, should it be in the topic),
        // and the key was let go, so the retry was judged afresh with a new order id.
        assertThat(withdrawnFirst).hasSize(1);
        assertThat(withdrawnOrdersOf(user)).hasSize(2).contains(withdrawnFirst.get(0));
        assertThat(keyRecord(user, "unsure")).isEmpty();
        assertThat(json(get(port, "/orders", user)).get("orders")).isEmpty();
    }

    private static List<String> withdrawnOrdersOf(String user) {
        return OrderServiceTestSupport.dynamo()
                .query(b -> b.tableName(TableDefinitions.ORDERS)
                        .indexName(TableDefinitions.ORDERS_BY_USER_INDEX)
                        .keyConditionExpression("userId = :user")
                        .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(user))))
                .items()
                .stream()
                .filter(item ->
                        OrderStatus.WITHDRAWN.name().equals(item.get("status").s()))
                .map(item -> item.get("orderId").s())
                .toList();
    }

    private static Map<String, AttributeValue> keyRecord(String user, String key) {
        return OrderServiceTestSupport.dynamo()
                .getItem(b -> b.tableName(TableDefinitions.IDEMPOTENCY_KEYS)
                        .key(Map.of("idempotencyKey", AttributeValue.fromS(user + "#" + key)))
                        .consistentRead(true))
                .item();
    }
}
