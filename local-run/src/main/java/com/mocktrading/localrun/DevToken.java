package com.mocktrading.localrun;

import com.mocktrading.cli.CommandLine;
import com.mocktrading.devissuer.DevTokenIssuer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bin/dev-token alice}: prints a bearer token for a user, signed by the local run's development issuer
 * (the gateway's {@code POST /v1/dev/token} will offer the same over HTTP).
 */
public final class DevToken {

    private static final CommandLine COMMAND = CommandLine.command(
                    "bin/dev-token USER_ID [DATA_DIR]", "Prints a bearer token for the user, valid for 12 hours.")
            .positional("USER_ID", "whose token")
            .positional("[DATA_DIR]", "the local run's data (default .local-data)");

    private DevToken() {}

    public static void main(String[] args) {
        List<String> given = COMMAND.parseOrExit(args).positionals();
        Path data = Path.of(given.size() == 2 ? given.get(1) : ".local-data");
        System.out.println(
                DevTokenIssuer.loadOrCreate(data.resolve("dev-issuer")).issue(given.get(0)));
    }
}
