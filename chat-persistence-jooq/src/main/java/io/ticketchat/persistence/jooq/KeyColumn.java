package io.ticketchat.persistence.jooq;

import java.util.Locale;

/**
 * An integer key column of the host as the chat's own columns must copy it for a foreign key to be
 * allowed: MySQL and MariaDB want the same integer type and the same signedness on both sides.
 */
record KeyColumn(String sqlType) {

    static final KeyColumn INT = new KeyColumn("INT");

    /** @return the column's type for the chat's columns, or null when the chat cannot reference it */
    static KeyColumn of(String dataType, String columnType) {
        String type = dataType.toLowerCase(Locale.ROOT);
        if (!type.equals("int") && !type.equals("bigint")) {
            return null;
        }
        boolean unsigned = columnType.toLowerCase(Locale.ROOT).contains("unsigned");
        return new KeyColumn(type.toUpperCase(Locale.ROOT) + (unsigned ? " UNSIGNED" : ""));
    }
}
