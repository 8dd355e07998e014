package io.ticketchat.persistence.jooq;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A JDBC connection that records the SQL prepared on it and the integers bound, and answers with no rows. */
final class RecordingConnection {

    private final List<String> prepared = new ArrayList<>();
    private final List<Integer> boundInts = new ArrayList<>();

    Connection proxy() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> {
                        prepared.add((String) args[0]);
                        yield statement();
                    }
                    case "getAutoCommit", "isClosed" -> false;
                    default -> null;
                });
    }

    private PreparedStatement statement() {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (self, method, args) -> switch (method.getName()) {
                    case "setInt" -> {
                        boundInts.add((Integer) args[1]);
                        yield null;
                    }
                    case "executeUpdate" -> 1;
                    case "executeQuery" -> emptyResult();
                    default -> null;
                });
    }

    private ResultSet emptyResult() {
        return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
                (self, method, args) -> method.getName().equals("next") ? false : null);
    }

    List<String> prepared() {
        return prepared;
    }

    List<Integer> boundInts() {
        return boundInts;
    }
}
