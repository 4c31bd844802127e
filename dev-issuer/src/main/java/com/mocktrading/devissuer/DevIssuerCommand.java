package com.mocktrading.devissuer;

import com.mocktrading.cli.CommandLine;
import java.nio.file.Path;

/**
 * {@code DevIssuerCommand DIRECTORY}: makes sure the development issuer's key pair is in {@code DIRECTORY}
 * ({@code signing-key.jwk.json}, and {@code public.pem} for the services), creating it on first use. The one-shot
 * step of docker-compose that the local run does in process.
 */
public final class DevIssuerCommand {

    private static final CommandLine COMMAND = CommandLine.command(
                    "DevIssuerCommand DIRECTORY", "Keeps the development issuer's key pair in DIRECTORY, made once.")
            .positional("DIRECTORY", "where signing-key.jwk.json and public.pem are kept");

    private DevIssuerCommand() {}

    public static void main(String[] args) {
        Path directory = Path.of(COMMAND.parseOrExit(args).positionals().get(0));
        DevTokenIssuer.loadOrCreate(directory);
        System.out.println("development issuer " + DevTokenIssuer.ISSUER + ": key pair in " + directory);
    }
}
