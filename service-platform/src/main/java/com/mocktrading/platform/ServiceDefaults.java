package com.mocktrading.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.ClassUtils;

/**
 * Adds the operational defaults every service shares (service-defaults.properties) with the lowest
 * precedence, so each service's application.yml, its profiles and the environment can still override them. The
 * breaker and retry rules that name DynamoDB's exceptions (service-defaults-dynamodb.properties) are added only
 * where the AWS SDK is on the classpath: binding a class name that does not exist fails the start (the gateway).
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "service-defaults.properties";
    static final String DYNAMODB_RESOURCE = "service-defaults-dynamodb.properties";
    private static final String DYNAMODB_MARKER =
            "software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ClassUtils.isPresent(DYNAMODB_MARKER, application.getClassLoader())) {
            add(environment, "mocktrading-service-defaults-dynamodb", DYNAMODB_RESOURCE);
        }
        add(environment, "mocktrading-service-defaults", RESOURCE);
    }

    private static void add(ConfigurableEnvironment environment, String name, String resource) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(name, new ClassPathResource(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + resource + " on the classpath", e);
        }
    }
}
