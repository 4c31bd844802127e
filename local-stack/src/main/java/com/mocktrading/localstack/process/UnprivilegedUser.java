package com.mocktrading.localstack.process;

import com.mocktrading.localstack.PrerequisiteMissingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * Elasticsearch refuses to run as root. When this JVM is root (CI, fresh machines), such servers run as a
 * dedicated system user, created on first use; otherwise they simply run as the current user.
 */
public final class UnprivilegedUser {

    public static final String NAME = "mocktrading";

    private UnprivilegedUser() {}

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command prefixed so that it runs as the unprivileged user when we are root. */
    public static List<String> wrap(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        ensureExists();
        List<String> wrapped = new ArrayList<>(List.of(
                Commands.require("setpriv", "util-linux").toString(),
                "--reuid=" + NAME,
                "--regid=" + NAME,
                "--init-groups",
                "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives the unprivileged user the directory tree (a no-op when we are not root). */
    public static void own(Path directory) {
        if (isRoot()) {
            ensureExists();
            requireReachable(directory.toAbsolutePath());
            Commands.run(List.of("chown", "-R", NAME + ":" + NAME, directory.toString()));
        }
    }

    /** The user needs search permission on every ancestor; /root, for one, does not grant it. */
    private static void requireReachable(Path directory) {
        for (Path ancestor = directory.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(ancestor).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new PrerequisiteMissingException(NAME + " (the user Elasticsearch runs as, since it"
                            + " refuses root) cannot reach " + directory + " because " + ancestor
                            + " is not searchable by others: use a data directory elsewhere, e.g."
                            + " --data-dir=/var/tmp/mock-trading-data, or 'chmod o+x " + ancestor + "'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static synchronized void ensureExists() {
        try {
            Commands.run(List.of("id", "-u", NAME));
        } catch (IllegalStateException missing) {
            Path useradd = Commands.find("useradd")
                    .orElseThrow(() -> new PrerequisiteMissingException(
                            "useradd not found: install it with 'apt-get install passwd'"));
            Commands.run(List.of(
                    useradd.toString(),
                    "--system",
                    "--user-group",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    NAME));
        }
    }
}
