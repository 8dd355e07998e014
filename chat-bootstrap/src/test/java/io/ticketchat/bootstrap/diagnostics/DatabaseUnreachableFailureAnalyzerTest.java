package io.ticketchat.bootstrap.diagnostics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableFailureAnalyzerTest {

    private final DatabaseUnreachableFailureAnalyzer analyzer = new DatabaseUnreachableFailureAnalyzer(
            new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://db.example:3306/chat"));

    @Test
    void anUnreachableServerIsOneSentenceNamingTheUrlAndWhatToCheck() {
        SQLException refused = new SQLNonTransientConnectionException("Socket fail to connect to db.example:3306.\nConnection refused", "08000");
        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("pool init failed", refused));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("Ticket Chat cannot reach its database at jdbc:mysql://db.example:3306/chat: Socket fail to connect to db.example:3306.");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL").contains("embedded MariaDB");
    }

    @Test
    void refusedCredentialsPointAtUserAndPassword() {
        FailureAnalysis analysis = analyzer.analyze(new SQLException("Access denied for user 'chat'", "28000"));

        assertThat(analysis.getDescription()).startsWith("Ticket Chat was refused by its database at jdbc:mysql://db.example:3306/chat");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_USERNAME").contains("SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void otherDatabaseFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new SQLException("Table 'tickets' doesn't exist", "42S02"))).isNull();
        assertThat(analyzer.analyze(new SQLException("no state"))).isNull();
    }
}
