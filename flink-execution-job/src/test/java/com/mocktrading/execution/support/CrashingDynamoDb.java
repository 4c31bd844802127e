package com.mocktrading.execution.support;

import com.mocktrading.core.order.OrderItems;
import com.mocktrading.execution.ExecutionJobConfig;
import com.mocktrading.execution.functions.DynamoDbClientFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The job's DynamoDB client with a crash point: armed with the orders it fires for, it lets the first matching
 * transaction commit and then dies, once, like the machine dying at that instant (an {@link Error}, which no
 * retry of the job takes for a store failure). Unarmed it is the SDK's client.
 */
public final class CrashingDynamoDb implements DynamoDbClientFactory {

    private static final long serialVersionUID = 1L;
    // Static: the MiniCluster runs the tasks in this JVM, and a restarted task must find the point spent.
    private static final AtomicReference<Predicate<String>> AFTER_COMMIT = new AtomicReference<>();

    /** The crash the job meets. */
    public static final class MachineDied extends Error {

        private static final long serialVersionUID = 1L;

        MachineDied(String orderId) {
            super("crash point after the commit of order " + orderId);
        }
    }

    /** Crashes once, after the commit of the first order matching {@code orders}. */
    public static void armAfterCommit(Predicate<String> orders) {
        AFTER_COMMIT.set(orders);
    }

    public static boolean isArmed() {
        return AFTER_COMMIT.get() != null;
    }

    public static void disarm() {
        AFTER_COMMIT.set(null);
    }

    @Override
    public DynamoDbClient create(ExecutionJobConfig config) {
        DynamoDbClient real = DynamoDbClientFactory.sdk().create(config);
        String orders = config.ordersTable();
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && args != null && args.length == 1) {
                        TransactWriteItemsRequest request = request(args[0]);
                        TransactWriteItemsResponse committed = real.transactWriteItems(request);
                        crashIfArmed(request, orders);
                        return committed;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static TransactWriteItemsRequest request(Object argument) {
        return argument instanceof TransactWriteItemsRequest request
                ? request
                : TransactWriteItemsRequest.builder()
                        .applyMutation((Consumer<TransactWriteItemsRequest.Builder>) argument)
                        .build();
    }

    private static void crashIfArmed(TransactWriteItemsRequest request, String orders) {
        Predicate<String> armed = AFTER_COMMIT.get();
        if (armed == null) {
            return;
        }
        request.transactItems().stream()
                .filter(item ->
                        item.update() != null && item.update().tableName().equals(orders))
                .map(item -> item.update().key().get(OrderItems.ORDER_ID))
                .map(AttributeValue::s)
                .filter(orderId -> armed.test(orderId) && AFTER_COMMIT.compareAndSet(armed, null))
                .findFirst()
                .ifPresent(orderId -> {
                    throw new MachineDied(orderId);
                });
    }
}
