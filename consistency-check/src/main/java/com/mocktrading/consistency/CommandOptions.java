package com.mocktrading.consistency;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} options of this module's commands; anything else ends the command with status 2. */
public final class CommandOptions {

    private CommandOptions() {}

    public static Map<String, String> parse(String[] args, String example) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("options are --name=value, e.g. " + example);
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
