package com.mocktrading.localstack.containers;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.localstack.ServerStartException;
import org.testcontainers.containers.GenericContainer;

/**
 * A test server as a Testcontainers container of the server's own image (the one docker-compose.yml runs), for a
 * machine with a Docker engine that has the image; reached on the port Docker maps on this machine.
 */
abstract class ContainerServer<C extends GenericContainer<?>> implements LocalServer {

    private final String name;
    private final String image;
    protected final C container;
    // Asking the container itself contacts Docker (it resolves the image first), even before it was started.
    private boolean started;

    /** @param container a container of {@code image}, described but not started (nothing asks Docker yet) */
    ContainerServer(String name, String image, C container) {
        this.name = name;
        this.image = image;
        this.container = container;
    }

    /** The server's image, e.g. {@code redis:7.4}. */
    public String image() {
        return image;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        try {
            container.start();
            started = true;
        } catch (RuntimeException e) {
            // Testcontainers says "no valid Docker environment" or "pull access denied": say what was asked for.
            throw new ServerStartException(
                    name + " from the image " + image
                            + " (-D" + TestServerSource.PROPERTY
                            + "=testcontainers needs a Docker engine with that image): "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void stop() {
        if (started) {
            container.stop();
            started = false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return started && container.isRunning();
    }

    /** {@code host:port} where this machine reaches the container's {@code port}. */
    protected String hostAndPort(int port) {
        return container.getHost() + ":" + container.getMappedPort(port);
    }

    @Override
    public String endpoint() {
        return isRunning() ? container.getHost() + " (" + image + ")" : image;
    }
}
