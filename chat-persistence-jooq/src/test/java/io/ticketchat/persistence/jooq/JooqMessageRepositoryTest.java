package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.AbstractMessageRepositoryContract;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The message contract on a real MariaDB (or the server of CHAT_TEST_JDBC_URL), plus what only SQL can get wrong. */
@ExtendWith(ChatDatabaseExtension.class)
class JooqMessageRepositoryTest extends AbstractMessageRepositoryContract {

    private final ChatTestDatabase database;
    private final JooqMessageRepository repository;

    JooqMessageRepositoryTest(ChatTestDatabase database) {
        this.database = database;
        this.repository = new JooqMessageRepository(database.dsl(), JooqMessageRepository.Transactions.OWN);
    }

    @Override
    protected MessageRepository repository() {
        return repository;
    }

    @Override
    protected TicketId newTicket() {
        return database.newTicket();
    }

    @Test
    void timesAreStoredAsUtcMillisecondsWhateverTheInstantsPrecision() {
        TicketId ticket = newTicket();
        Instant precise = Instant.parse("2024-01-15T10:30:00.123456789Z");
        NewMessage draft = new NewMessage(ticket, CUSTOMER, MessageText.of("hi"), MessageType.TEXT, null, null, precise);

        Message stored = repository.append(draft).message();

        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2024-01-15T10:30:00.123Z"));
        assertThat(repository.findById(ticket, stored.id())).contains(stored);
        String column = database.dsl().fetchSingle("SELECT CAST(created_at AS CHAR) FROM chat_messages WHERE id = ?",
                stored.id().value()).get(0, String.class);
        assertThat(column).isEqualTo("2024-01-15 10:30:00.123");
    }

    @Test
    void anAppendJoinsTheCallersTransactionAndIsUndoneWithIt() {
        TicketId ticket = newTicket();
        Message kept = post(ticket, AGENT, "kept");

        assertThatThrownBy(() -> database.dsl().transaction(tx -> {
            new JooqMessageRepository(tx.dsl(), JooqMessageRepository.Transactions.CALLER).append(draft(ticket, CUSTOMER, "undone"));
            throw new IllegalStateException("the use case failed after the append");
        })).hasMessageContaining("the use case failed after the append");

        assertThat(repository.page(ticket, MessagePageRequest.latest(10)))
                .extracting(message -> message.text().value()).containsExactly("kept");
        // The ticket's head went back too: the next message follows the kept one.
        assertThat(repository.append(draft(ticket, CUSTOMER, "next")).previousMessageId()).isEqualTo(kept.id());
    }

    @Test
    void theSenderNameKeepsFourByteCharacters() {
        TicketId ticket = newTicket();
        Sender sender = Sender.person(ParticipantType.CUSTOMER, UserId.of(5),
                DisplayName.of("Zoë 🦄".repeat(14)));

        Message stored = repository.append(draft(ticket, sender, "hello")).message();

        assertThat(repository.findById(ticket, stored.id()).orElseThrow().sender()).isEqualTo(sender);
    }

    @Test
    void idsBeyondTheIntegerColumnNameNoMessage() {
        TicketId ticket = newTicket();
        Message only = post(ticket, AGENT, "one");
        MessageId huge = MessageId.of(Integer.MAX_VALUE + 1L);

        assertThat(repository.findById(ticket, huge)).isEmpty();
        assertThat(repository.page(ticket, MessagePageRequest.after(huge, 10))).isEmpty();
        assertThat(repository.page(ticket, MessagePageRequest.before(huge, 10))).containsExactly(only);
    }

    @Test
    void systemSendersRepeatingAClientMessageIdAreIdempotentToo() {
        TicketId ticket = newTicket();
        Sender system = Sender.system(DisplayName.of("System"));
        NewMessage draft = new NewMessage(ticket, system, MessageText.of("Escalated"), MessageType.STATUS_UPDATE, null,
                ClientMessageId.of("escalation-1"), T0);

        MessageRepository.Appended first = repository.append(draft);
        MessageRepository.Appended repeat = repository.append(draft);

        assertThat(repeat.created()).isFalse();
        assertThat(repeat.message()).isEqualTo(first.message());
    }

    @Test
    void appendingInsideTheCallersTransactionRollsBackWithIt() {
        TicketId ticket = newTicket();
        Message kept = post(ticket, AGENT, "kept");

        assertThatThrownBy(() -> database.dsl().transaction(tx -> {
            new JooqMessageRepository(tx.dsl(), JooqMessageRepository.Transactions.CALLER).append(draft(ticket, AGENT, "rolled back"));
            throw new IllegalStateException("the use case failed after storing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.page(ticket, MessagePageRequest.latest(10))).containsExactly(kept);
        assertThat(repository.append(draft(ticket, CUSTOMER, "next")).previousMessageId()).isEqualTo(kept.id());
    }

    @Test
    void deletingATicketRemovesItsMessagesRepliesIncluded() {
        TicketId ticket = newTicket();
        Message question = post(ticket, CUSTOMER, "Question");
        repository.append(new NewMessage(ticket, AGENT, MessageText.of("Answer"), MessageType.TEXT, question.id(), null, T0));

        database.dsl().deleteFrom(table(name("tickets"))).where(field(name("id"), Long.class).eq(ticket.value())).execute();

        assertThat(repository.page(ticket, MessagePageRequest.latest(10))).isEmpty();
        assertThat(repository.latestId(ticket)).isEmpty();
    }

    @Test
    void aMessageForAnUnknownTicketIsRefusedByTheForeignKey() {
        TicketId unknown = TicketId.of(Integer.MAX_VALUE);

        assertThatThrownBy(() -> repository.append(draft(unknown, AGENT, "nobody home")))
                .isInstanceOf(DataAccessException.class);
    }
}
