package com.mocktrading.localrun;

import com.mocktrading.localstack.LocalServer;
import com.mocktrading.simulator.SimulatorOptions;
import com.mocktrading.simulator.feed.MarketDataPublisher;
import com.mocktrading.simulator.feed.SimulationLoop;
import java.time.Duration;
import java.util.Map;

/** The price simulator of the local run, on a thread of the launcher: the "external feed" into market_data. */
final class LocalPriceSimulator implements LocalServer {

    private final SimulatorOptions options;
    private MarketDataPublisher publisher;
    private SimulationLoop loop;
    private Thread thread;

    LocalPriceSimulator(String kafka, int symbols, double rate) {
        this.options = SimulatorOptions.from(
                Map.of("kafka", kafka, "symbols", Integer.toString(symbols), "rate", Double.toString(rate)));
    }

    @Override
    public String name() {
        return "price-simulator";
    }

    @Override
    public synchronized void start() {
        publisher = new MarketDataPublisher(options.kafka());
        loop = new SimulationLoop(options.feed(), publisher, options.rate());
        thread = new Thread(
                () -> {
                    try {
                        loop.run(Duration.ZERO, Duration.ofDays(1), (published, last) -> {});
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "price-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
        loop = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null && thread.isAlive();
    }

    @Override
    public String endpoint() {
        return options.symbols() + " symbols, " + Math.round(options.rate()) + " updates/s";
    }
}
