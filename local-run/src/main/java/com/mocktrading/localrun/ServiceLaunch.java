package com.mocktrading.localrun;

import com.mocktrading.localstack.PrerequisiteMissingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How a service process starts: its boot jar on this machine's JVM, or its image in a container. */
sealed interface ServiceLaunch {

    /** The command that runs the service in the foreground, given the names of its environment variables. */
    List<String> command(Collection<String> environment);

    /** Removes what may outlive the command's process tree; nothing for a jar. */
    default void cleanUp() {}

    /** Whether the service's clock can be set apart from the machine's (libfaketime, preloaded into the JVM). */
    default boolean clockCanBeSkewed() {
        return false;
    }

    /** The boot jar on this machine's JVM, with {@code jvmOptions} (the tracing agent's). */
    record Jar(Path jar, List<String> jvmOptions) implements ServiceLaunch {

        public Jar {
            jvmOptions = List.copyOf(jvmOptions);
        }

        @Override
        public List<String> command(Collection<String> environment) {
            if (!Files.isRegularFile(jar)) {
                throw new PrerequisiteMissingException(jar
                        + " is missing: build the project first (./run-local.sh does, or ./mvnw install -DskipTests)");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-XX:+UseSerialGC"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            return command;
        }

        @Override
        public boolean clockCanBeSkewed() {
            return true;
        }
    }

    /**
     * {@code module}'s image run as {@code container}, the data directory's {@code mounts} visible at their own
     * paths; the JVM sizes its heap from the container's memory limit, as it does in Compose and Kubernetes.
     */
    record Image(ServiceImages images, String module, String container, List<Path> mounts, List<String> arguments)
            implements ServiceLaunch {

        @Override
        public List<String> command(Collection<String> environment) {
            cleanUp(); // left running by a client killed in an earlier run
            return images.runCommand(container, module, environment, mounts, "640m", arguments);
        }

        @Override
        public void cleanUp() {
            images.remove(container);
        }
    }
}
