package io.ticketchat.bootstrap.standalone;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** The standalone service's embedded MariaDB, used when no {@code spring.datasource.url} is set. */
@ConfigurationProperties(EmbeddedDatabaseProperties.PREFIX)
public class EmbeddedDatabaseProperties {

    static final String PREFIX = "chat.embedded-database";

    /** Where the embedded MariaDB keeps its files, so data survives restarts. */
    private Path dataDir = Path.of("data", "mariadb");

    /** Its port; 0 picks a free one. */
    private int port = 0;

    /** The database created in it. */
    private String database = "ticket_chat";

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }
}
