package io.ticketchat.application.testing;

import io.ticketchat.application.port.out.AbstractChatParticipantRepositoryContract;
import io.ticketchat.application.port.out.AbstractChatSessionRepositoryContract;
import io.ticketchat.application.port.out.AbstractMessageRepositoryContract;
import io.ticketchat.application.port.out.AbstractTicketDirectoryContract;
import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import org.junit.jupiter.api.Nested;

import java.util.concurrent.atomic.AtomicLong;

/** The fakes honour the same contracts as the real adapters, so use-case tests on them mean something. */
class InMemoryRepositoriesTest {

    private static final AtomicLong TICKETS = new AtomicLong();

    @Nested
    class Messages extends AbstractMessageRepositoryContract {
        private final InMemoryMessageRepository repository = new InMemoryMessageRepository();

        @Override
        protected MessageRepository repository() {
            return repository;
        }

        @Override
        protected TicketId newTicket() {
            return TicketId.of(TICKETS.incrementAndGet());
        }
    }

    @Nested
    class Sessions extends AbstractChatSessionRepositoryContract {
        private final InMemoryChatSessionRepository repository = new InMemoryChatSessionRepository();

        @Override
        protected ChatSessionRepository repository() {
            return repository;
        }

        @Override
        protected TicketId newTicket() {
            return TicketId.of(TICKETS.incrementAndGet());
        }
    }

    @Nested
    class Participants extends AbstractChatParticipantRepositoryContract {
        private final InMemoryChatParticipantRepository repository = new InMemoryChatParticipantRepository();

        @Override
        protected ChatParticipantRepository repository() {
            return repository;
        }

        @Override
        protected SessionId newSession() {
            return sessionFor(TicketId.of(TICKETS.incrementAndGet()), T0).sessionId();
        }
    }

    @Nested
    class Tickets extends AbstractTicketDirectoryContract {
        private final InMemoryTicketDirectory directory = new InMemoryTicketDirectory();

        @Override
        protected TicketDirectory directory() {
            return directory;
        }

        @Override
        protected TicketId hostTicket(String customerName, String issueTitle) {
            return directory.add(TICKETS.incrementAndGet(), customerName, issueTitle).id();
        }
    }
}
