package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Reads the host's tickets. Plain jOOQ rather than generated code: the table belongs to the host, and
 * its name and columns come from {@link ChatPersistenceSettings}.
 */
public final class JooqTicketDirectory implements TicketDirectory {

    /** Columns hosts commonly keep the two shown values in, offered when the configured one is missing. */
    private static final List<String> TITLE_COLUMNS = List.of("issue_title", "title", "subject", "summary", "name");
    private static final List<String> CUSTOMER_COLUMNS = List.of("name", "customer_name", "requester_name", "contact_name");

    private final DSLContext dsl;
    private final ChatPersistenceSettings settings;
    private final Table<?> tickets;
    private final Field<Long> id;
    private final Field<String> customerName;
    private final Field<String> issueTitle;

    public JooqTicketDirectory(DSLContext dsl, ChatPersistenceSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
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

    /**
     * Checks at start that the configured columns exist, so that a host whose tickets name them otherwise
     * learns it in one line (with the property to set and, when one is there, the column to set it to)
     * instead of a failing SQL statement on every chat request. A missing table is left to the schema
     * check, which names it.
     *
     * @throws ChatSchemaException when a configured column is missing
     */
    public void requireColumns() {
        String table = settings.ticketTable();
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        Set<String> columns = new LinkedHashSet<>(dsl.fetch(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?",
                schema, name).getValues(0, String.class));
        if (columns.isEmpty()) {
            return;
        }
        require(columns, name, settings.ticketIdColumn(), "chat.tickets.id-column", List.of("id"));
        require(columns, name, settings.ticketCustomerNameColumn(), "chat.tickets.customer-name-column", CUSTOMER_COLUMNS);
        require(columns, name, settings.ticketIssueTitleColumn(), "chat.tickets.issue-title-column", TITLE_COLUMNS);
    }

    private static void require(Set<String> columns, String table, String column, String property, List<String> likely) {
        if (columns.stream().anyMatch(column::equalsIgnoreCase)) {
            return;
        }
        String suggestion = likely.stream().filter(candidate -> columns.stream().anyMatch(candidate::equalsIgnoreCase))
                .findFirst().map(candidate -> property + "=" + candidate).orElse(property + " to one of its columns");
        throw new ChatSchemaException("Table " + table + " has no column " + column + ", which the chat reads for the "
                + "ticket block (" + property + ").", "Set " + suggestion
                + ", or declare a TicketDirectory bean when the value lives in another table (docs/embedding.md).");
    }

    private static Name qualified(String table) {
        return name(table.split("\\."));
    }
}
