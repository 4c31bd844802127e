package com.mocktrading.localstack.elasticsearch;

import com.mocktrading.localstack.PrerequisiteMissingException;
import com.mocktrading.localstack.StackVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Elasticsearch distribution that Maven fetched from Maven Central (integ-test-zip), unpacked once per
 * machine into a world-readable place, since the server runs as an unprivileged user when we are root.
 * Unpacking is guarded by a file lock, so concurrent JVMs neither race nor see half a distribution.
 */
final class ElasticsearchDistribution {

    private static final Path INSTALL_ROOT = Path.of("/var/tmp/mock-trading");

    private ElasticsearchDistribution() {}

    /** The unpacked {@code elasticsearch-<version>} home directory. */
    static Path home() {
        String version = StackVersions.elasticsearch();
        Path home = INSTALL_ROOT.resolve("elasticsearch-" + version);
        if (Files.exists(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        Path zip = locateZip(version);
        try {
            Files.createDirectories(INSTALL_ROOT);
            try (FileChannel lockFile = FileChannel.open(
                            INSTALL_ROOT.resolve("elasticsearch-" + version + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(home.resolve("bin/elasticsearch"))) {
                    unpack(zip, home);
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip + " into " + INSTALL_ROOT, e);
        }
    }

    private static Path locateZip(String version) {
        String repository =
                System.getProperty("mocktrading.maven.repository", System.getProperty("user.home") + "/.m2/repository");
        Path zip = Path.of(
                repository,
                "org/elasticsearch/distribution/integ-test-zip/elasticsearch",
                version,
                "elasticsearch-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new PrerequisiteMissingException("Elasticsearch " + version + " distribution not found at " + zip
                    + ": run './mvnw -pl local-stack dependency:resolve' (any build of the project fetches it)");
        }
        return zip;
    }

    private static void unpack(Path zip, Path home) throws IOException {
        Path staging = Files.createTempDirectory(INSTALL_ROOT, "unpacking-");
        String top = home.getFileName().toString() + "/";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = staging.resolve(
                                entry.getName().startsWith(top)
                                        ? entry.getName().substring(top.length())
                                        : entry.getName())
                        .normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        markExecutable(staging.resolve("bin"));
        staging.toFile().setReadable(true, false);
        staging.toFile().setExecutable(true, false);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    // Zip entries carry no Unix permissions through java.util.zip.
    private static void markExecutable(Path bin) throws IOException {
        try (Stream<Path> files = Files.list(bin)) {
            files.sorted(Comparator.naturalOrder())
                    .forEach(file -> file.toFile().setExecutable(true, false));
        }
    }
}
