package com.mocktrading.platform.dependency;

import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Which failed calls count against a dependency's circuit breaker: only those that say the dependency is
 * unavailable (no connection, no answer in time, a 5xx). A request the store refused as invalid (a key too long, a
 * malformed expression: 4xx) is the caller's fault, and throttling is load the SDK already backs off from; counting
 * either would let one user's bad requests open the breaker for everyone. Named in
 * service-defaults-dynamodb.properties (for breakers and read retries alike: retrying a refusal cannot help), so it
 * is loaded only where the AWS SDK is on the classpath.
 */
public final class StoreOutages implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return service.statusCode() >= 500;
            }
        }
        return true;
    }
}
