package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.AbstractMessageRepositoryContract;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.testing.ChatDatabaseExtension;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The message contract on a real MariaDB with every append going through the group commit's writers. */
@ExtendWith(ChatDatabaseExtension.class)
class GroupCommittedMessageRepositoryTest extends AbstractMessageRepositoryContract {

    private final ChatTestDatabase database;
    private final GroupCommit groupCommit;
    private final MessageRepository repository;

    GroupCommittedMessageRepositoryTest(ChatTestDatabase database) {
        this.database = database;
        JooqMessageRepository store = new JooqMessageRepository(database.dsl(), JooqMessageRepository.Transactions.OWN);
        this.groupCommit = new GroupCommit(store, store, () -> false, 2, 64);
        this.repository = groupCommit.repository();
    }

    @AfterEach
    void stopTheWriters() throws InterruptedException {
        groupCommit.close();
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
    void theAppendsOfTheContractWentThroughTheWriters() {
        repository.append(draft(newTicket(), CUSTOMER, "through a writer"));

        assertThat(groupCommit.batches()).isPositive();
    }
}
