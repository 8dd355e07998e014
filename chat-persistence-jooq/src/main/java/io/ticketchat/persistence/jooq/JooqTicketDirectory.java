package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;

import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Reads the host's tickets. Plain jOOQ rather than generated code: the table belongs to the host, and
 * its name and columns come from {@link ChatPersistenceSettings}.
 */
public final class JooqTicketDirectory implements TicketDirectory {

    private final DSLContext dsl;
    private final Table<?> tickets;
    private final Field<Long> id;
    private final Field<String> customerName;
    private final Field<String> issueTitle;

    public JooqTicketDirectory(DSLContext dsl, ChatPersistenceSettings settings) {
        this.dsl = dsl;
        this.tickets = table(qualified(settings.ticketTable()));
        this.id = field(name(settings.ticketIdColumn()), Long.class);
        this.customerName = field(name(settings.ticketCustomerNameColumn()), String.class);
        this.issueTitle = field(name(settings.ticketIssueTitleColumn()), String.class);
    }

    @Override
    public Optional<TicketSummary> find(TicketId ticketId) {
        return StoreFailures.translated(() -> dsl.select(customerName, issueTitle)
                .from(tickets)
                .where(id.eq(ticketId.value()))
                .fetchOptional()
                .map(row -> new TicketSummary(ticketId, row.value1(), row.value2())));
    }

    private static Name qualified(String table) {
        return name(table.split("\\."));
    }
}
