package com.mocktrading.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the servers, filtered in from the root POM at build time so that there is one place for them. */
public final class StackVersions {

    private static final Properties VERSIONS = load();

    private StackVersions() {}

    public static String elasticsearch() {
        return VERSIONS.getProperty("elasticsearch.version");
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
