package io.ticketchat.bootstrap.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import java.sql.SQLException;

/**
 * Turns "the database is not there" at start-up into one readable sentence (which URL, what failed,
 * what to check) instead of a wall of stack traces.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        boolean connection = state.startsWith("08");
        boolean credentials = state.startsWith("28");
        if (!connection && !credentials) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(no spring.datasource.url)");
        String what = connection ? "cannot reach its database" : "was refused by its database";
        String description = "Ticket Chat " + what + " at " + url + ": " + firstLine(cause.getMessage());
        String action = connection
                ? "Check that the MySQL/MariaDB server is running and reachable from here and that SPRING_DATASOURCE_URL is right. "
                  + "Leave SPRING_DATASOURCE_URL unset to run on the embedded MariaDB instead."
                : "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that this user may connect from this host.";
        return new FailureAnalysis(description, action, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
