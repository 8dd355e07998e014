package io.ticketchat.persistence.jooq;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL rendered once per shape: plain bind markers in the numbers the binding code sets, nothing
 * MariaDB would reject. The database tests run every statement.
 */
class SendPathStatementsTest {

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"MARIADB", "MYSQL"})
    void statementsForThreeTicketsBindThreeTicketsInBothDialects(SQLDialect dialect) {
        RecordingConnection connection = new RecordingConnection();
        DSLContext dsl = DSL.using(connection.proxy(), dialect);
        SendPathStatements statements = new SendPathStatements(dsl);

        statements.lockHeads(dsl, new TreeSet<>(Set.of(3, 1, 2)));
        statements.moveHeads(dsl, new TreeMap<>(Map.of(1, 10, 2, 20, 3, 30)));

        assertThat(connection.prepared()).hasSize(3);
        assertThat(connection.prepared().get(0)).startsWith("insert into").contains("on duplicate key update")
                .doesNotContain("excluded");
        assertThat(connection.prepared().get(1)).endsWith("for update");
        assertThat(connection.prepared()).extracting(SendPathStatementsTest::markers).containsExactly(3L, 3L, 9L);
        assertThat(connection.boundInts()).containsExactly(1, 2, 3, 1, 2, 3, 1, 10, 2, 20, 3, 30, 1, 2, 3);
    }

    private static long markers(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}
