package io.ticketchat.application.service;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CountUnreadMessagesQuery;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.IdentityClaim;
import io.ticketchat.application.port.in.ListMessagesQuery;
import io.ticketchat.application.port.in.MarkMessagesReadCommand;
import io.ticketchat.application.port.in.MessageNotFoundException;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.in.PostMessageCommand;
import io.ticketchat.application.port.in.PostedMessage;
import io.ticketchat.application.port.in.RateLimitedException;
import io.ticketchat.application.port.in.ReadReceipt;
import io.ticketchat.application.port.in.TicketNotFoundException;
import io.ticketchat.application.testing.ChatCore;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.event.MessagePosted;
import io.ticketchat.domain.event.MessagesRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagingUseCasesTest {

    private static final TicketId TICKET = TicketId.of(1);
    private final ChatCore core = new ChatCore();
    private final Caller agent = Caller.agent(1, "Agent Smith");
    private final Caller customer = Caller.customer(2, "John Doe", 1);
    private final Caller otherCustomer = Caller.customer(3, "Mallory", 2);

    @BeforeEach
    void tickets() {
        core.tickets.add(1, "John Doe", "Technical Issue");
        core.tickets.add(2, "Mallory", "Other Issue");
    }

    private PostedMessage post(Caller caller, String text) {
        return post(caller, text, null);
    }

    private PostedMessage post(Caller caller, String text, String clientMessageId) {
        return core.postMessage.postMessage(new PostMessageCommand(caller, TICKET, MessageText.of(text), MessageType.TEXT, null,
                clientMessageId == null ? null : ClientMessageId.of(clientMessageId), IdentityClaim.NONE));
    }

    @Test
    void postingStoresTheMessageAsTheCallerAndAnnouncesIt() {
        PostedMessage posted = post(agent, "Hello! How can I help you?");

        assertThat(posted.created()).isTrue();
        Message message = posted.message();
        assertThat(message.sender().type()).isEqualTo(SenderType.AGENT);
        assertThat(message.sender().name().value()).isEqualTo("Agent Smith");
        assertThat(message.createdAt()).isEqualTo(core.clock.instant());
        MessagePosted event = core.events.eventsOf(MessagePosted.class).getFirst();
        assertThat(event.message()).isEqualTo(message);
        assertThat(event.previousMessageId()).isNull();
        assertThat(core.events.eventsOf(MessagePosted.class)).hasSize(1);
    }

    @Test
    void eachAnnouncementNamesTheTicketsPreviousMessage() {
        Message first = post(agent, "one").message();
        post(customer, "two");

        assertThat(core.events.eventsOf(MessagePosted.class).get(1).previousMessageId()).isEqualTo(first.id());
    }

    @Test
    void aRepeatedClientMessageIdReturnsTheOriginalWithoutAnnouncingAgain() {
        PostedMessage original = post(customer, "my order is late", "c-42");
        PostedMessage repeat = post(customer, "my order is late", "c-42");

        assertThat(repeat.created()).isFalse();
        assertThat(repeat.message()).isEqualTo(original.message());
        assertThat(core.events.eventsOf(MessagePosted.class)).hasSize(1);
    }

    @Test
    void aBodyClaimingSomeoneElseIsRefusedAndNothingIsStored() {
        PostMessageCommand forged = new PostMessageCommand(customer, TICKET, MessageText.of("I am the agent"), MessageType.TEXT,
                null, null, IdentityClaim.of(1L, ParticipantType.AGENT, "Agent Smith"));

        assertThatThrownBy(() -> core.postMessage.postMessage(forged)).isInstanceOf(ForbiddenException.class);
        assertThat(core.messageRepository.countUnread(TICKET, ParticipantType.AGENT)).isZero();
        assertThat(core.events.events()).isEmpty();
    }

    @Test
    void aMatchingClaimIsAccepted() {
        PostMessageCommand honest = new PostMessageCommand(customer, TICKET, MessageText.of("hi"), MessageType.TEXT,
                null, null, new IdentityClaim(2L, SenderType.CUSTOMER, "John Doe"));

        assertThat(core.postMessage.postMessage(honest).created()).isTrue();
    }

    @Test
    void aCustomerCannotTouchAnotherCustomersTicketNorLearnWhetherATicketExists() {
        assertThatThrownBy(() -> core.postMessage.postMessage(new PostMessageCommand(otherCustomer, TICKET, MessageText.of("hi"),
                MessageType.TEXT, null, null, null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> core.listMessages.listMessages(new ListMessagesQuery(otherCustomer, TICKET, MessagePageRequest.latest(10))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> core.listMessages.listMessages(new ListMessagesQuery(otherCustomer, TicketId.of(999), MessagePageRequest.latest(10))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anAgentAskingForAnUnknownTicketGetsNotFound() {
        assertThatThrownBy(() -> core.listMessages.listMessages(new ListMessagesQuery(agent, TicketId.of(999), MessagePageRequest.latest(10))))
                .isInstanceOf(TicketNotFoundException.class);
    }

    @Test
    void clientsMaySendTextOnly() {
        assertThatThrownBy(() -> core.postMessage.postMessage(new PostMessageCommand(agent, TICKET, MessageText.of("x"),
                MessageType.SYSTEM, null, null, null)))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("messageType"));
    }

    @Test
    void aReplyMustPointAtAMessageOfTheSameTicket() {
        Message question = post(customer, "question").message();
        PostedMessage reply = core.postMessage.postMessage(new PostMessageCommand(agent, TICKET, MessageText.of("answer"),
                MessageType.TEXT, question.id(), null, null));
        assertThat(reply.message().parentId()).isEqualTo(question.id());

        assertThatThrownBy(() -> core.postMessage.postMessage(new PostMessageCommand(agent, TICKET, MessageText.of("answer"),
                MessageType.TEXT, MessageId.of(999), null, null))).isInstanceOf(MessageNotFoundException.class);
    }

    @Test
    void aSenderOverTheRateLimitIsToldWhenToRetryAndNothingIsStored() {
        core.rateLimiter = caller -> caller.equals(customer) ? Optional.of(Duration.ofSeconds(3)) : Optional.empty();

        assertThatThrownBy(() -> post(customer, "spam"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(post(agent, "fine").created()).isTrue();
        assertThat(core.events.eventsOf(MessagePosted.class)).hasSize(1);
    }

    @Test
    void historyIsReadInPagesWithTheTicketAlongside() {
        for (int i = 1; i <= 5; i++) {
            post(i % 2 == 0 ? agent : customer, "message " + i);
        }

        MessagePage latest = core.listMessages.listMessages(new ListMessagesQuery(customer, TICKET, MessagePageRequest.latest(2)));
        assertThat(latest.ticket().customerName()).isEqualTo("John Doe");
        assertThat(latest.ticket().issueTitle()).isEqualTo("Technical Issue");
        assertThat(latest.messages()).extracting(m -> m.text().value()).containsExactly("message 4", "message 5");
        assertThat(latest.hasMore()).isTrue();

        MessagePage older = core.listMessages.listMessages(new ListMessagesQuery(customer, TICKET,
                MessagePageRequest.before(latest.messages().getFirst().id(), 2)));
        assertThat(older.messages()).extracting(m -> m.text().value()).containsExactly("message 2", "message 3");
        assertThat(older.hasMore()).isTrue();

        MessagePage oldest = core.listMessages.listMessages(new ListMessagesQuery(customer, TICKET,
                MessagePageRequest.before(older.messages().getFirst().id(), 2)));
        assertThat(oldest.messages()).extracting(m -> m.text().value()).containsExactly("message 1");
        assertThat(oldest.hasMore()).isFalse();

        MessagePage forward = core.listMessages.listMessages(new ListMessagesQuery(customer, TICKET,
                MessagePageRequest.after(oldest.messages().getFirst().id(), 3)));
        assertThat(forward.messages()).extracting(m -> m.text().value()).containsExactly("message 2", "message 3", "message 4");
        assertThat(forward.hasMore()).isTrue();
    }

    @Test
    void pageRequestsStayWithinTheirLimits() {
        assertThatThrownBy(() -> MessagePageRequest.latest(0)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> MessagePageRequest.latest(MessagePageRequest.MAX_LIMIT + 1)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> new MessagePageRequest(MessageId.of(3), MessageId.of(5), 10)).isInstanceOf(DomainValidationException.class);
    }

    @Test
    void markingReadCountsTheOtherSidesMessagesAndTellsTheRoom() {
        post(customer, "one");
        Message two = post(customer, "two").message();
        post(agent, "reply");
        core.events.clear();

        ReadReceipt receipt = core.markRead.markRead(new MarkMessagesReadCommand(agent, TICKET, IdentityClaim.of(1L, ParticipantType.AGENT, null)));

        assertThat(receipt.markedCount()).isEqualTo(2);
        assertThat(receipt.upToMessageId()).isEqualTo(two.id());
        assertThat(core.events.eventsOf(MessagesRead.class)).singleElement().satisfies(read -> {
            assertThat(read.readerType()).isEqualTo(ParticipantType.AGENT);
            assertThat(read.upToMessageId()).isEqualTo(two.id());
            assertThat(read.readAt()).isEqualTo(core.clock.instant());
        });
        assertThat(core.countUnread.countUnread(new CountUnreadMessagesQuery(agent, TICKET, ParticipantType.AGENT))).isZero();
        assertThat(core.countUnread.countUnread(new CountUnreadMessagesQuery(customer, TICKET, ParticipantType.CUSTOMER))).isEqualTo(1);
    }

    @Test
    void markingReadWithNothingUnreadStaysQuiet() {
        ReadReceipt receipt = core.markRead.markRead(new MarkMessagesReadCommand(customer, TICKET, null));

        assertThat(receipt.markedCount()).isZero();
        assertThat(receipt.upToMessageId()).isNull();
        assertThat(core.events.events()).isEmpty();
    }

    @Test
    void unreadCountsAreForTheCallersOwnSide() {
        assertThatThrownBy(() -> core.countUnread.countUnread(new CountUnreadMessagesQuery(customer, TICKET, ParticipantType.AGENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> core.markRead.markRead(new MarkMessagesReadCommand(customer, TICKET,
                IdentityClaim.of(null, ParticipantType.AGENT, null)))).isInstanceOf(ForbiddenException.class);
    }
}
