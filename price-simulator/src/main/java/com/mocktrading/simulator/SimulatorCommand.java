package com.mocktrading.simulator;

import com.mocktrading.events.MarketDataPayload;
import com.mocktrading.simulator.feed.FeedHealth;
import com.mocktrading.simulator.feed.MarketDataPublisher;
import com.mocktrading.simulator.feed.PriceFeed;
import com.mocktrading.simulator.feed.SimulationLoop;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The price simulator: {@code --kafka=127.0.0.1:9092 --symbols=1000 --rate=500 --seed=42 --instance=0
 * --instances=1 --speed=60 --duration=0 --health-port=0} (duration 0 = until Ctrl-C; health port 0 = no
 * {@code /health}). Prints a status line every 5 s.
 */
public final class SimulatorCommand {

    private static final PrintStream OUT = System.out;

    private SimulatorCommand() {}

    public static void main(String[] args) throws Exception {
        // Before the first logger exists; an explicit -Dlogback.configurationFile still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "price-simulator-logback.xml");
        }
        SimulatorOptions settings;
        try {
            settings = SimulatorOptions.from(SimulatorOptions.COMMAND.parseOrExit(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + SimulatorOptions.COMMAND.usage());
            System.exit(2);
            return;
        }
        PriceFeed feed = settings.feed();
        try (MarketDataPublisher publisher = new MarketDataPublisher(settings.kafka());
                AutoCloseable health = health(settings, publisher)) {
            OUT.printf(
                    "price simulator: instance %d of %d, %d symbols of %d, %s updates/s, seed %d%n",
                    settings.instance(),
                    settings.instances(),
                    feed.owned().size(),
                    settings.symbols(),
                    settings.rate(),
                    settings.seed());
            SimulationLoop loop = new SimulationLoop(feed, publisher, settings.rate());
            Runtime.getRuntime().addShutdownHook(new Thread(loop::stop, "simulator-stop"));
            loop.run(
                    settings.duration(),
                    Duration.ofSeconds(5),
                    (published, last) -> status(publisher, published, last));
        }
    }

    /** The health endpoint, if asked for: unhealthy once no update was acknowledged for 30 s. */
    private static AutoCloseable health(SimulatorOptions settings, MarketDataPublisher publisher) throws IOException {
        if (settings.healthPort() == 0) {
            return () -> {};
        }
        HealthEndpoint endpoint = new HealthEndpoint(
                settings.healthPort(), new FeedHealth(publisher::lastAcknowledgedNanos, Duration.ofSeconds(30)));
        OUT.printf("health: GET http://127.0.0.1:%d/health%n", endpoint.port());
        return endpoint;
    }

    private static void status(MarketDataPublisher publisher, long published, MarketDataPayload last) {
        OUT.printf(
                "published %d updates (%d acknowledged, %d failed), last %s %s%n",
                published,
                publisher.sent(),
                publisher.failed(),
                last.symbol(),
                last.price().toPlainString());
    }
}
