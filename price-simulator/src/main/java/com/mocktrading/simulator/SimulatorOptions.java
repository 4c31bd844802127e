package com.mocktrading.simulator;

import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.simulator.feed.PriceFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The simulator's settings, checked: rate and sizes positive, the instance within the instance count. */
public record SimulatorOptions(
        String kafka,
        int symbols,
        double rate,
        long seed,
        int instance,
        int instances,
        double speed,
        Duration duration,
        int healthPort) {

    private static final Set<String> KNOWN =
            Set.of("kafka", "symbols", "rate", "seed", "instance", "instances", "speed", "duration", "health-port");

    public SimulatorOptions {
        if (symbols < 1 || rate <= 0 || speed <= 0 || instances < 1 || instance < 0 || instance >= instances) {
            throw new IllegalArgumentException("need symbols >= 1, rate > 0, speed > 0, 0 <= instance < instances");
        }
        if (healthPort < 0 || healthPort > 65_535) {
            throw new IllegalArgumentException("--health-port must be a port number (0: none)");
        }
    }

    public static SimulatorOptions from(Map<String, String> options) {
        options.keySet().stream()
                .filter(name -> !KNOWN.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("unknown option --" + name);
                });
        try {
            return new SimulatorOptions(
                    options.getOrDefault("kafka", "127.0.0.1:9092"),
                    Integer.parseInt(options.getOrDefault("symbols", "1000")),
                    Double.parseDouble(options.getOrDefault("rate", "500")),
                    Long.parseLong(options.getOrDefault("seed", "42")),
                    Integer.parseInt(options.getOrDefault("instance", "0")),
                    Integer.parseInt(options.getOrDefault("instances", "1")),
                    Double.parseDouble(options.getOrDefault("speed", "60")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "0"))),
                    Integer.parseInt(options.getOrDefault("health-port", "0")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }

    /** This instance's share of the universe, moving at the configured speed. */
    public PriceFeed feed() {
        return new PriceFeed(SymbolUniverse.of(symbols, seed), instance, instances, seed, simulatedSecondsPerRound());
    }

    /** Market time between two updates of one symbol: its real-time period times the speed-up. */
    double simulatedSecondsPerRound() {
        double ownedSymbols = Math.ceil((double) symbols / instances);
        return ownedSymbols / (rate / instances) * speed;
    }
}
