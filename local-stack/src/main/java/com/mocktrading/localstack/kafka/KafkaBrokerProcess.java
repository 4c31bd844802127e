package com.mocktrading.localstack.kafka;

import com.mocktrading.localstack.FreePorts;
import com.mocktrading.localstack.process.ChildJvm;
import com.mocktrading.localstack.process.ManagedProcess;
import com.mocktrading.localstack.process.ProcessBackedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The {@link KafkaServer} broker in a JVM of its own: a broker that can be stopped or killed like a real one. */
public final class KafkaBrokerProcess extends ProcessBackedServer {

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final Path processLog;

    public KafkaBrokerProcess(int port, int controllerPort, Path logDirectory, Path processLog) {
        super(Duration.ofSeconds(90), Duration.ofSeconds(30));
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory.toAbsolutePath();
        this.processLog = processLog;
    }

    /** {@code PORT CONTROLLER_PORT LOG_DIRECTORY}: runs the broker until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        KafkaServer broker = new KafkaServer(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        ChildJvm.run(broker::start, broker::stop);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String endpoint() {
        return bootstrapServers();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    protected ManagedProcess prepare() {
        return ManagedProcess.named(name())
                .command(ChildJvm.command(
                        "768m",
                        processLog,
                        KafkaBrokerProcess.class,
                        List.of(Integer.toString(port), Integer.toString(controllerPort), logDirectory.toString())))
                .logFile(processLog)
                .build();
    }

    @Override
    protected boolean isReady() {
        if (!FreePorts.isInUse(port)) {
            return false; // not listening yet: an admin client would only log its failed connections
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }
}
