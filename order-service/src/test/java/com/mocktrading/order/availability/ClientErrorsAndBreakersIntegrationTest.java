package com.mocktrading.order.availability;

import static com.mocktrading.order.support.OrderServiceTestSupport.freshPrice;
import static com.mocktrading.order.support.OrderServiceTestSupport.get;
import static com.mocktrading.order.support.OrderServiceTestSupport.newSymbol;
import static com.mocktrading.order.support.OrderServiceTestSupport.newUser;
import static com.mocktrading.order.support.OrderServiceTestSupport.order;
import static com.mocktrading.order.support.OrderServiceTestSupport.post;
import static com.mocktrading.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mocktrading.core.dynamodb.TableDefinitions;
import com.mocktrading.order.support.OrderServiceTestSupport;
import com.mocktrading.platform.dependency.Dependency;
import com.mocktrading.platform.dependency.DependencyCalls;
import com.mocktrading.platform.error.ApiException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One user's bad requests never lock the others out: the DynamoDB breaker is shared by every user of a replica, so
 * only outages may count against it, never requests the service or the store refuse as invalid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientErrorsAndBreakersIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    DependencyCalls calls;

    @Autowired
    DynamoDbClient dynamo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        OrderServiceTestSupport.useRealServers(registry);
    }

    @Test
    void malformedOrderIdsAreRefusedBeforeAnyStoreCallAndNeverLockOthersOut() {
        String attacker = newUser();
        CircuitBreaker dynamodb = breakers.circuitBreaker(Dependency.DYNAMODB.id());
        long callsBefore = dynamodb.getMetrics().getNumberOfBufferedCalls();

        for (int i = 0; i < 30; i++) {
            assertProblem(get(port, "/orders/" + "x".repeat(3000), attacker), 400, "VALIDATION_FAILED");
        }

        assertThat(dynamodb.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(dynamodb.getMetrics().getNumberOfBufferedCalls()).isEqualTo(callsBefore);
        assertThat(placeAnOrderAsSomeoneElse()).isEqualTo(202);
    }

    @Test
    void requestsTheStoreRefusesAsInvalidDoNotCountAsAnOutage() {
        CircuitBreaker dynamodb = breakers.circuitBreaker(Dependency.DYNAMODB.id());
        int refused = 0;

        for (int i = 0; i < 30; i++) {
            // A key over DynamoDB's 2 KB partition-key limit: the store answers 400 ValidationException.
            try {
                calls.read(
                        Dependency.DYNAMODB,
                        () -> dynamo.getItem(b -> b.tableName(TableDefinitions.ORDERS)
                                .key(Map.of("orderId", AttributeValue.fromS("x".repeat(3000))))));
            } catch (ApiException answer) {
                refused++;
            }
        }

        assertThat(refused).isEqualTo(30);
        assertThat(dynamodb.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(dynamodb.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(placeAnOrderAsSomeoneElse()).isEqualTo(202);
    }

    private int placeAnOrderAsSomeoneElse() {
        String symbol = newSymbol();
        freshPrice(symbol, "10.00");
        return post(port, "/orders", order(symbol, "BUY", 1), newUser(), null).statusCode();
    }
}
