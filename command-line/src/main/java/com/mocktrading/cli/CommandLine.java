package com.mocktrading.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options, in the one syntax every command of the project takes: {@code --name=value} or
 * {@code --name value}, {@code --name} alone for a switch, other arguments positional where the command has them;
 * {@code --help} (or {@code -h}) prints its usage. An option the command does not declare is refused, with the
 * list of the ones it has, so a typo never silently falls back to a default.
 */
public final class CommandLine {

    private final String synopsis;
    private final String summary;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final List<Option> positionals = new ArrayList<>();

    private record Option(String name, String value, String help, String defaultValue) {

        boolean isSwitch() {
            return value == null;
        }
    }

    /**
     * The options given, by name (a switch maps to "true"), and the positional arguments in order.
     *
     * @param defaults each declared option's default, where it has one
     */
    public record Arguments(Map<String, String> options, List<String> positionals, Map<String, String> defaults) {

        /** The option's value as given, else its declared default, else null. */
        public String get(String name) {
            return options.getOrDefault(name, defaults.get(name));
        }

        public String get(String name, String fallback) {
            String value = get(name);
            return value == null ? fallback : value;
        }

        public boolean has(String name) {
            return options.containsKey(name);
        }

        /** The store's address as given, else the local run's (or null for an optional store not given). */
        public String get(StoreOption store) {
            return get(store.option());
        }
    }

    /** Why the arguments were not taken; {@code status} 0 when the user asked for the usage. */
    public static final class UsageException extends Exception {

        private final int status;

        UsageException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private CommandLine(String synopsis, String summary) {
        this.synopsis = synopsis;
        this.summary = summary;
    }

    /** @param synopsis how the command is called, e.g. {@code bin/chaos NAME... [options]} */
    public static CommandLine command(String synopsis, String summary) {
        return new CommandLine(synopsis, summary);
    }

    /** An option that takes a value and has none unless given, e.g. {@code option("order", "ID", "...")}. */
    public CommandLine option(String name, String value, String help) {
        return option(name, value, help, null);
    }

    /** An option that takes a value, {@code defaultValue} when not given (shown in the usage). */
    public CommandLine option(String name, String value, String help, String defaultValue) {
        options.put(name, new Option(name, value, help, defaultValue));
        return this;
    }

    /** Options naming these stores, each defaulting to the local run's address. */
    public CommandLine stores(StoreOption... stores) {
        for (StoreOption store : stores) {
            option(store.option(), store.value(), store.help(), store.localRun());
        }
        return this;
    }

    /** Options naming these stores, without defaults: a store not given is not used. */
    public CommandLine optionalStores(StoreOption... stores) {
        for (StoreOption store : stores) {
            option(store.option(), store.value(), store.help());
        }
        return this;
    }

    /** An option that takes no value: given means "true". */
    public CommandLine flag(String name, String help) {
        options.put(name, new Option(name, null, help, null));
        return this;
    }

    /**
     * A positional argument, in order: {@code NAME} is required, {@code [NAME]} optional, and a last {@code NAME...}
     * (or {@code [NAME...]}) takes any that follow.
     */
    public CommandLine positional(String name, String help) {
        positionals.add(new Option(name, name, help, null));
        return this;
    }

    /**
     * Options given by a program rather than typed (a test, a launcher), checked like typed ones.
     *
     * @throws IllegalArgumentException for an option this command does not declare
     */
    public Arguments arguments(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
        }
        return new Arguments(Map.copyOf(given), List.of(), defaults());
    }

    private Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        options.values().stream()
                .filter(option -> option.defaultValue() != null)
                .forEach(option -> defaults.put(option.name(), option.defaultValue()));
        return Map.copyOf(defaults);
    }

    public Arguments parse(String... args) throws UsageException {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(usage(), 0);
            }
            if (!arg.startsWith("--")) {
                if (positionals.isEmpty()) {
                    throw refused("unexpected argument '" + arg + "'");
                }
                rest.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            Option option = options.get(name);
            if (option == null) {
                throw refused("unknown option --" + name);
            }
            if (option.isSwitch()) {
                if (equals >= 0) {
                    throw refused("--" + name + " takes no value");
                }
                given.put(name, "true");
            } else if (equals >= 0) {
                given.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                given.put(name, args[++i]);
            } else {
                throw refused("--" + name + " needs a value: --" + name + "=" + option.value());
            }
        }
        long required =
                positionals.stream().filter(p -> !p.name().startsWith("[")).count();
        boolean variadic = !positionals.isEmpty()
                && positionals
                        .get(positionals.size() - 1)
                        .name()
                        .replace("]", "")
                        .endsWith("...");
        if (rest.size() < required || (!variadic && rest.size() > positionals.size())) {
            throw refused("expected "
                    + String.join(" ", positionals.stream().map(Option::name).toList()) + ", got "
                    + (rest.isEmpty() ? "nothing" : String.join(" ", rest)));
        }
        return new Arguments(Map.copyOf(given), List.copyOf(rest), defaults());
    }

    /**
     * The arguments, or the end of the program: the usage on standard output with status 0 for {@code --help}, the
     * reason and the usage on standard error with status 2 for arguments the command does not take.
     */
    public Arguments parseOrExit(String... args) {
        try {
            return parse(args);
        } catch (UsageException e) {
            PrintStream out = e.status() == 0 ? System.out : System.err;
            out.println(e.getMessage());
            System.exit(e.status());
            throw new IllegalStateException("unreachable", e);
        }
    }

    /** The command's usage: synopsis, summary, and every argument and option with its help. */
    public String usage() {
        StringBuilder text = new StringBuilder("usage: ")
                .append(synopsis)
                .append('\n')
                .append(summary)
                .append('\n');
        for (Option positional : positionals) {
            text.append(String.format("  %-30s %s\n", positional.name(), positional.help()));
        }
        for (Option option : options.values()) {
            String form = option.isSwitch() ? "--" + option.name() : "--" + option.name() + "=" + option.value();
            String help = option.defaultValue() == null
                    ? option.help()
                    : option.help() + " (default " + (option.defaultValue().isEmpty() ? "none" : option.defaultValue())
                            + ")";
            text.append(String.format("  %-30s %s\n", form, help));
        }
        text.append(String.format("  %-30s %s", "--help", "this text"));
        return text.toString();
    }

    private UsageException refused(String reason) {
        return new UsageException(reason + "\n" + usage(), 2);
    }
}
