package com.mocktrading.simulator;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.cli.StoreOption;
import com.mocktrading.events.universe.SymbolUniverse;
import com.mocktrading.simulator.feed.PriceFeed;
import java.time.Duration;
import java.util.Map;

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

    /** The simulator's options, each with its default. */
    public static final CommandLine COMMAND = CommandLine.command(
                    "price-simulator [options]", "Publishes simulated prices of the symbol universe to market_data.")
            .stores(StoreOption.KAFKA)
            .option("symbols", "N", "size of the universe", "1000")
            .option("rate", "UPDATES_PER_S", "price updates published per second", "500")
            .option("seed", "N", "of the universe and the random walk", "42")
            .option("instance", "I", "this instance's share of the universe, 0-based", "0")
            .option("instances", "N", "instances splitting the universe", "1")
            .option("speed", "MARKET_S_PER_S", "simulated market seconds per second", "60")
            .option("duration", "S", "how long to run; 0 runs until stopped", "0")
            .option("health-port", "PORT", "serves GET /health there; 0 serves none", "0");

    public SimulatorOptions {
        if (symbols < 1 || rate <= 0 || speed <= 0 || instances < 1 || instance < 0 || instance >= instances) {
            throw new IllegalArgumentException("need symbols >= 1, rate > 0, speed > 0, 0 <= instance < instances");
        }
        if (healthPort < 0 || healthPort > 65_535) {
            throw new IllegalArgumentException("--health-port must be a port number (0: none)");
        }
    }

    /** From options given by a program, by name without the dashes; the others keep their defaults. */
    public static SimulatorOptions from(Map<String, String> options) {
        return from(COMMAND.arguments(options));
    }

    public static SimulatorOptions from(CommandLine.Arguments options) {
        try {
            return new SimulatorOptions(
                    options.get(StoreOption.KAFKA),
                    Integer.parseInt(options.get("symbols")),
                    Double.parseDouble(options.get("rate")),
                    Long.parseLong(options.get("seed")),
                    Integer.parseInt(options.get("instance")),
                    Integer.parseInt(options.get("instances")),
                    Double.parseDouble(options.get("speed")),
                    Duration.ofSeconds(Long.parseLong(options.get("duration"))),
                    Integer.parseInt(options.get("health-port")));
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
