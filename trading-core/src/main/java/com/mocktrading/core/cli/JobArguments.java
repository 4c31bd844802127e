package com.mocktrading.core.cli;

import java.util.HashMap;
import java.util.Map;

/** Program arguments as Flink passes them to a job's main: {@code --name value} pairs. */
public final class JobArguments {

    private JobArguments() {}

    public static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs, got an odd number of arguments");
        }
        Map<String, String> arguments = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            arguments.put(args[i].substring(2), args[i + 1]);
        }
        return arguments;
    }
}
