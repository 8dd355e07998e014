package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.AbstractTicketDirectoryContract;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.TicketSummary;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(ChatDatabaseExtension.class)
class JooqTicketDirectoryTest extends AbstractTicketDirectoryContract {

    private final ChatTestDatabase database;

    JooqTicketDirectoryTest(ChatTestDatabase database) {
        this.database = database;
    }

    @Override
    protected TicketDirectory directory() {
        return new JooqTicketDirectory(database.dsl(), ChatPersistenceSettings.defaults());
    }

    @Override
    protected TicketId hostTicket(String customerName, String issueTitle) {
        return database.newTicket(customerName, issueTitle);
    }

    @Test
    void findsTheGuidesTicketColumnsByDefault() {
        TicketId ticket = database.newTicket();
        JooqTicketDirectory directory = new JooqTicketDirectory(database.dsl(), ChatPersistenceSettings.defaults());

        assertThat(directory.find(ticket)).contains(new TicketSummary(ticket, "John Doe", "Technical Issue"));
        assertThat(directory.find(TicketId.of(Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void readsAHostTableWithOtherNames() {
        database.dsl().execute("CREATE TABLE IF NOT EXISTS helpdesk_cases (case_no BIGINT PRIMARY KEY, customer VARCHAR(80), subject VARCHAR(200))");
        database.dsl().execute("INSERT INTO helpdesk_cases VALUES (77, 'Zoë 🦄', 'Printer on fire')");
        ChatPersistenceSettings settings = new ChatPersistenceSettings(database.databaseName() + ".helpdesk_cases", "case_no", "customer", "subject");

        TicketSummary found = new JooqTicketDirectory(database.dsl(), settings).find(TicketId.of(77)).orElseThrow();

        assertThat(found).isEqualTo(new TicketSummary(TicketId.of(77), "Zoë 🦄", "Printer on fire"));
    }

    @Test
    void theGuidesColumnsPassTheStartCheck() {
        new JooqTicketDirectory(database.dsl(), ChatPersistenceSettings.defaults()).requireColumns();
    }

    @Test
    void aMissingColumnIsNamedInOneLineWithTheColumnToSetWhenThereIsOne() {
        database.dsl().execute("CREATE TABLE IF NOT EXISTS support_tickets (id BIGINT PRIMARY KEY, title VARCHAR(200), requester BIGINT)");
        ChatPersistenceSettings defaultsElsewhere = new ChatPersistenceSettings("support_tickets", "id", "requester", "issue_title");

        assertThatThrownBy(() -> new JooqTicketDirectory(database.dsl(), defaultsElsewhere).requireColumns())
                .isInstanceOf(ChatSchemaException.class)
                .hasMessageContaining("Table support_tickets has no column issue_title")
                .hasMessageContaining("Set chat.tickets.issue-title-column=title")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));

        ChatPersistenceSettings noName = new ChatPersistenceSettings("support_tickets", "id", "name", "title");
        assertThatThrownBy(() -> new JooqTicketDirectory(database.dsl(), noName).requireColumns())
                .isInstanceOf(ChatSchemaException.class)
                .hasMessageContaining("Set chat.tickets.customer-name-column to one of its columns, or declare a TicketDirectory bean");
    }

    @Test
    void aTableThatDoesNotExistYetIsLeftToTheSchemaCheck() {
        new JooqTicketDirectory(database.dsl(), new ChatPersistenceSettings("not_yet_there", "id", "name", "issue_title")).requireColumns();
    }

    @Test
    void settingsAcceptOnlyPlainIdentifiers() {
        assertThatThrownBy(() -> new ChatPersistenceSettings("tickets; DROP TABLE x", "id", "name", "issue_title"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticketTable");
        assertThatThrownBy(() -> new ChatPersistenceSettings("tickets", "id`", "name", "issue_title"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticketIdColumn");
    }
}
