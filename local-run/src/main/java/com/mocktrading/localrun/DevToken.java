package com.mocktrading.localrun;

import com.mocktrading.devissuer.DevTokenIssuer;
import java.nio.file.Path;

/**
 * {@code bin/dev-token alice}: prints a bearer token for a user, signed by the local run's development issuer
 * (the gateway's {@code POST /v1/dev/token} will offer the same over HTTP).
 */
public final class DevToken {

    private DevToken() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: bin/dev-token USER_ID [DATA_DIR]");
            System.exit(2);
        }
        Path data = Path.of(args.length == 2 ? args[1] : ".local-data");
        System.out.println(
                DevTokenIssuer.loadOrCreate(data.resolve("dev-issuer")).issue(args[0]));
    }
}
