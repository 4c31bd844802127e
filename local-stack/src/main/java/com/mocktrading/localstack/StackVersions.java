package com.mocktrading.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions and images of the servers, filtered in from the root POM at build time: one place for them. */
public final class StackVersions {

    private static final Properties VERSIONS = load();

    private StackVersions() {}

    public static String elasticsearch() {
        return VERSIONS.getProperty("elasticsearch.version");
    }

    /**
     * The image of the server {@code name} (kafka, dynamodb, redis, elasticsearch, clickhouse, flink) that
     * docker-compose.yml, the chart and the Testcontainers test servers run.
     */
    public static String serverImage(String name) {
        String image = VERSIONS.getProperty("server-image." + name);
        if (image == null) {
            throw new IllegalArgumentException("no server image named '" + name + "'");
        }
        return image;
    }

    private static Properties load() {
        try (InputStream in = StackVersions.class.getResourceAsStream("/local-stack-versions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
