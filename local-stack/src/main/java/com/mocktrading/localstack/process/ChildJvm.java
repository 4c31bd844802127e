package com.mocktrading.localstack.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A server of this project's own (one that is a library, not a program: the Kafka broker, the Flink cluster) run
 * in a JVM of its own, so that it can be stopped, killed and restarted on its own like any other server process.
 * The child gets this JVM's classpath and its module options and locale.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** The command running {@code mainClass} with {@code arguments} on this JVM's classpath. */
    public static List<String> command(String heap, Path logFile, Class<?> mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Dlogback.configurationFile=local-stack-child-logback.xml");
        // The Flink web UI shows the JobManager log from this file.
        command.add("-Dlog.file=" + logFile);
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-opens")
                    || option.startsWith("--add-exports")
                    || option.startsWith("-Duser.language")
                    || option.startsWith("-Duser.country")) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        return command;
    }

    /**
     * The body of a child's {@code main}: starts the server, stops it when the JVM is asked to end (SIGTERM), and
     * otherwise keeps it running; a SIGKILL ends it without any of that, as a crash does.
     */
    public static void run(Runnable start, Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.run();
                            stopped.countDown();
                        },
                        "stop-server"));
        start.run();
        System.out.println("server started");
        stopped.await();
    }
}
