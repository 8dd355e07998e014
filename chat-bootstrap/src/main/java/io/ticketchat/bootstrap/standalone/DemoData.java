package io.ticketchat.bootstrap.standalone;

import io.ticketchat.bootstrap.persistence.ChatSchemaMigration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The demo's tickets, one agent and one customer per ticket, written once into the standalone tables. */
class DemoData implements SmartInitializingSingleton {

    record DemoTicket(long id, String customerName, String issueTitle, long customerId) {
    }

    record DemoUser(long id, String name) {
    }

    static final DemoUser AGENT = new DemoUser(1, "Agent Smith");
    static final List<DemoTicket> TICKETS = List.of(
            new DemoTicket(1, "John Doe", "Technical Issue", 2),
            new DemoTicket(2, "Jane Roe", "Cannot log in after password reset", 3),
            new DemoTicket(3, "Ana Silva", "Refund for order 1042", 4));

    private final DSLContext dsl;
    private final ChatSchemaMigration migration;

    DemoData(DSLContext dsl, ChatSchemaMigration migration) {
        this.dsl = dsl;
        this.migration = migration;
    }

    @Override
    public void afterSingletonsInstantiated() {
        migration.migrate();
        insertIfMissing("users", AGENT.id(), "name", AGENT.name(), "user_type", "agent");
        for (DemoTicket ticket : TICKETS) {
            insertIfMissing("users", ticket.customerId(), "name", ticket.customerName(), "user_type", "customer");
            insertIfMissing("tickets", ticket.id(), "name", ticket.customerName(), "issue_title", ticket.issueTitle());
        }
    }

    List<DemoTicket> tickets() {
        return TICKETS;
    }

    Optional<DemoTicket> ticket(long id) {
        return TICKETS.stream().filter(t -> t.id() == id).findFirst();
    }

    private void insertIfMissing(String tableName, long id, String column1, String value1, String column2, String value2) {
        dsl.insertInto(table(name(tableName)))
                .columns(field(name("id")), field(name(column1)), field(name(column2)))
                .values(id, value1, value2)
                .onDuplicateKeyIgnore()
                .execute();
    }
}
