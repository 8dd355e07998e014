package io.ticketchat.persistence.jooq;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Maps the chat's {@code DATETIME(3)} columns to {@link Instant}s in UTC (jOOQ code generation applies it
 * to every DATETIME column).
 *
 * <p>Values are sent as {@code 'yyyy-MM-dd HH:mm:ss.SSS'} text rather than as JDBC timestamps, for two
 * reasons. The stored value no longer depends on the JVM's, the driver's or the server's time zone. And
 * MySQL Connector/J talking to MariaDB, which reports itself as "5.5.5-…", silently drops the
 * milliseconds of timestamp parameters, while it keeps them in text. Instants are truncated to
 * milliseconds first, because MySQL would round the rest and MariaDB truncate it.
 */
public final class UtcInstantBinding implements Binding<LocalDateTime, Instant> {

    private static final DateTimeFormatter COLUMN_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private static final Converter<LocalDateTime, Instant> UTC = Converter.of(LocalDateTime.class, Instant.class,
            UtcInstantBinding::instant,
            instant -> instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));

    @Override
    public Converter<LocalDateTime, Instant> converter() {
        return UTC;
    }

    @Override
    public void sql(BindingSQLContext<Instant> ctx) {
        // A string bind value or, when inlined, a string literal; the server converts it on assignment.
        ctx.render().visit(DSL.val(text(ctx.value())));
    }

    @Override
    public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
        String text = text(ctx.value());
        if (text == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), text);
        }
    }

    /* Converted here rather than through ctx.convert(...), which builds a context object per value read. */

    @Override
    public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
        ctx.value(UTC.from(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class)));
    }

    @Override
    public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
        ctx.value(UTC.from(ctx.statement().getObject(ctx.index(), LocalDateTime.class)));
    }

    @Override
    public void register(BindingRegisterContext<Instant> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no stored procedures");
    }

    @Override
    public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no user-defined types");
    }

    @Override
    public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no user-defined types");
    }

    /** The instant a DATETIME(3) column's value, read as a {@link LocalDateTime}, stands for. */
    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /** The column text of an instant, as bound for every DATETIME(3) column. */
    static String text(Instant instant) {
        LocalDateTime utc = UTC.to(instant);
        return utc == null ? null : COLUMN_TEXT.format(utc);
    }
}
