package io.ticketchat.persistence.jooq;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL rendered once: plain bind markers, nothing either server rejects (the database tests run it). */
class SendPathStatementsTest {

    @ParameterizedTest
    @EnumSource(value = SQLDialect.class, names = {"MARIADB", "MYSQL"})
    void everyStatementBindsItsValuesAsMarkersInBothDialects(SQLDialect dialect) throws Exception {
        List<String> sql = rendered(new SendPathStatements(DSL.using(dialect)));

        assertThat(sql).hasSize(4).allSatisfy(statement -> assertThat(statement).doesNotContain("excluded", ":ticket", ":last"));
        assertThat(sql).extracting(SendPathStatementsTest::markers).containsExactly(1L, 1L, 10L, 2L);
        assertThat(sql.get(1)).endsWith("for update");
        assertThat(sql.get(2)).startsWith("insert into").doesNotContain("returning");
    }

    private static List<String> rendered(SendPathStatements statements) throws IllegalAccessException {
        List<String> sql = new ArrayList<>();
        for (Field field : SendPathStatements.class.getDeclaredFields()) {
            field.setAccessible(true);
            sql.add((String) field.get(statements));
        }
        return sql;
    }

    private static long markers(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}
