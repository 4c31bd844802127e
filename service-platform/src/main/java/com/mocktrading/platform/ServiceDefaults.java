package com.mocktrading.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the operational defaults every service shares (service-defaults.properties) with the lowest
 * precedence, so each service's application.yml, its profiles and the environment can still override them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(
                            "mocktrading-service-defaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + RESOURCE + " on the classpath", e);
        }
    }
}
