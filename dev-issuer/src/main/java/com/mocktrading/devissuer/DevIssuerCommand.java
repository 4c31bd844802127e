package com.mocktrading.devissuer;

import java.nio.file.Path;

/**
 * {@code DevIssuerCommand DIRECTORY}: makes sure the development issuer's key pair is in {@code DIRECTORY}
 * ({@code signing-key.jwk.json}, and {@code public.pem} for the services), creating it on first use. The one-shot
 * step of docker-compose that the local run does in process.
 */
public final class DevIssuerCommand {

    private DevIssuerCommand() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DevIssuerCommand DIRECTORY");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        DevTokenIssuer.loadOrCreate(directory);
        System.out.println("development issuer " + DevTokenIssuer.ISSUER + ": key pair in " + directory);
    }
}
