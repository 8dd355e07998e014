package io.ticketchat.application.port.out;

import io.ticketchat.application.port.in.MessagePageRequest;
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
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link MessageRepository} must do. Subclasses provide the store and a way to create
 * tickets in it; the in-memory fake and the jOOQ adapter both run these very tests.
 */
public abstract class AbstractMessageRepositoryContract {

    protected static final Instant T0 = Instant.parse("2024-01-15T10:30:00.123Z");
    protected static final Sender AGENT = Sender.person(ParticipantType.AGENT, UserId.of(1), DisplayName.of("Agent Smith"));
    protected static final Sender CUSTOMER = Sender.person(ParticipantType.CUSTOMER, UserId.of(2), DisplayName.of("John Doe"));

    protected abstract MessageRepository repository();

    /** A ticket that exists in the store, distinct on each call. */
    protected abstract TicketId newTicket();

    protected NewMessage draft(TicketId ticket, Sender sender, String text) {
        return draft(ticket, sender, text, null);
    }

    protected NewMessage draft(TicketId ticket, Sender sender, String text, String clientMessageId) {
        return new NewMessage(ticket, sender, MessageText.of(text), MessageType.TEXT, null,
                clientMessageId == null ? null : ClientMessageId.of(clientMessageId), T0);
    }

    protected Message post(TicketId ticket, Sender sender, String text) {
        return repository().append(draft(ticket, sender, text)).message();
    }

    private List<Long> ids(List<Message> messages) {
        return messages.stream().map(m -> m.id().value()).toList();
    }

    @Test
    void appendStoresEveryFieldAndLinksToThePreviousMessageOfTheTicket() {
        TicketId ticket = newTicket();
        MessageRepository.Appended first = repository().append(draft(ticket, AGENT, "Hello! How can I help you?", "c-1"));
        MessageRepository.Appended second = repository().append(draft(ticket, CUSTOMER, "My printer is on fire"));

        assertThat(first.created()).isTrue();
        assertThat(first.previousMessageId()).isNull();
        assertThat(second.previousMessageId()).isEqualTo(first.message().id());
        assertThat(second.message().id().isAfter(first.message().id())).isTrue();

        Message stored = repository().findById(ticket, first.message().id()).orElseThrow();
        assertThat(stored).isEqualTo(first.message());
        assertThat(stored.sender()).isEqualTo(AGENT);
        assertThat(stored.text().value()).isEqualTo("Hello! How can I help you?");
        assertThat(stored.type()).isEqualTo(MessageType.TEXT);
        assertThat(stored.isRead()).isFalse();
        assertThat(stored.isEdited()).isFalse();
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.clientMessageId()).isEqualTo(ClientMessageId.of("c-1"));
    }

    @Test
    void repliesAndSystemMessagesRoundTrip() {
        TicketId ticket = newTicket();
        Message parent = post(ticket, CUSTOMER, "Question");
        NewMessage reply = new NewMessage(ticket, AGENT, MessageText.of("Answer"), MessageType.TEXT, parent.id(), null, T0);
        NewMessage status = new NewMessage(ticket, Sender.system(DisplayName.of("System")), MessageText.of("Ticket escalated"),
                MessageType.STATUS_UPDATE, null, null, T0);

        Message storedReply = repository().append(reply).message();
        Message storedStatus = repository().append(status).message();

        assertThat(repository().findById(ticket, storedReply.id()).orElseThrow().parentId()).isEqualTo(parent.id());
        Message system = repository().findById(ticket, storedStatus.id()).orElseThrow();
        assertThat(system.sender().type()).isEqualTo(io.ticketchat.domain.SenderType.SYSTEM);
        assertThat(system.sender().userId()).isNull();
        assertThat(system.type()).isEqualTo(MessageType.STATUS_UPDATE);
    }

    @Test
    void textRoundTripsExactlyIncludingFourByteEmojiAndTheLongestAllowedMessage() {
        TicketId ticket = newTicket();
        String emoji = "  Merci 😀🙏🏽 — ça marche? 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202Eevil <script>alert(1)</script>  ";
        String longest = "😀".repeat(MessageText.MAX_CODE_POINTS);

        Message a = post(ticket, CUSTOMER, emoji);
        Message b = post(ticket, CUSTOMER, longest);

        assertThat(repository().findById(ticket, a.id()).orElseThrow().text().value()).isEqualTo(emoji);
        assertThat(repository().findById(ticket, b.id()).orElseThrow().text().value()).isEqualTo(longest);
    }

    @Test
    void theSameSenderRepeatingAClientMessageIdGetsTheOriginalBack() {
        TicketId ticket = newTicket();
        MessageRepository.Appended original = repository().append(draft(ticket, CUSTOMER, "once", "retry-me"));
        MessageRepository.Appended repeat = repository().append(draft(ticket, CUSTOMER, "once again", "retry-me"));

        assertThat(repeat.created()).isFalse();
        assertThat(repeat.message()).isEqualTo(original.message());
        assertThat(repository().page(ticket, MessagePageRequest.latest(10))).hasSize(1);
        assertThat(repository().findByClientMessageId(ticket, CUSTOMER, ClientMessageId.of("retry-me"))).contains(original.message());
    }

    @Test
    void appendingSeveralAtOnceIsLikeAppendingThemInTurn() {
        TicketId first = newTicket();
        TicketId second = newTicket();
        Message stored = repository().append(draft(second, AGENT, "already there", "a-0")).message();

        List<MessageRepository.Appended> appended = repository().appendAll(List.of(
                draft(first, CUSTOMER, "one", "c-1"),
                draft(second, CUSTOMER, "two"),
                draft(first, AGENT, "three"),
                draft(first, CUSTOMER, "one, tapped twice", "c-1"),
                draft(second, AGENT, "already there, retried", "a-0"),
                new NewMessage(first, Sender.system(DisplayName.of("System")), MessageText.of("Agent joined"),
                        MessageType.STATUS_UPDATE, null, null, T0)));

        assertThat(appended).extracting(MessageRepository.Appended::created).containsExactly(true, true, true, false, false, true);
        Message one = appended.get(0).message();
        assertThat(appended.get(0).previousMessageId()).isNull();
        assertThat(appended.get(1).previousMessageId()).isEqualTo(stored.id());
        assertThat(appended.get(2).previousMessageId()).isEqualTo(one.id());
        assertThat(appended.get(3).message()).isEqualTo(one);
        assertThat(appended.get(4).message()).isEqualTo(stored);
        assertThat(appended.get(5).previousMessageId()).isEqualTo(appended.get(2).message().id());
        assertThat(texts(repository().page(first, MessagePageRequest.latest(10)))).containsExactly("one", "three", "Agent joined");
        assertThat(texts(repository().page(second, MessagePageRequest.latest(10)))).containsExactly("already there", "two");
        assertThat(repository().latestId(first)).contains(appended.get(5).message().id());
        assertThat(repository().append(draft(second, AGENT, "later")).previousMessageId()).isEqualTo(appended.get(1).message().id());
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(m -> m.text().value()).toList();
    }

    @Test
    void aClientMessageIdIsScopedToItsSenderAndTicket() {
        TicketId ticket = newTicket();
        TicketId other = newTicket();
        repository().append(draft(ticket, CUSTOMER, "from the customer", "same"));

        assertThat(repository().append(draft(ticket, AGENT, "from the agent", "same")).created()).isTrue();
        assertThat(repository().append(draft(other, CUSTOMER, "other ticket", "same")).created()).isTrue();
        assertThat(repository().findByClientMessageId(ticket, AGENT, ClientMessageId.of("unknown"))).isEmpty();
    }

    @Test
    void pagesAreOldestFirstAndCarryOneExtraMessageBeyondTheLimit() {
        TicketId ticket = newTicket();
        TicketId noise = newTicket();
        Message[] m = new Message[6];
        for (int i = 0; i < m.length; i++) {
            m[i] = post(ticket, i % 2 == 0 ? CUSTOMER : AGENT, "message " + i);
            post(noise, AGENT, "elsewhere " + i);
        }

        assertThat(ids(repository().page(ticket, MessagePageRequest.latest(3))))
                .containsExactly(m[2].id().value(), m[3].id().value(), m[4].id().value(), m[5].id().value());
        assertThat(ids(repository().page(ticket, MessagePageRequest.latest(10)))).hasSize(6);
        assertThat(ids(repository().page(ticket, MessagePageRequest.before(m[4].id(), 2))))
                .containsExactly(m[1].id().value(), m[2].id().value(), m[3].id().value());
        assertThat(ids(repository().page(ticket, MessagePageRequest.after(m[1].id(), 2))))
                .containsExactly(m[2].id().value(), m[3].id().value(), m[4].id().value());
        assertThat(ids(repository().page(ticket, new MessagePageRequest(m[4].id(), m[0].id(), 10))))
                .containsExactly(m[1].id().value(), m[2].id().value(), m[3].id().value());
        assertThat(repository().page(ticket, MessagePageRequest.after(m[5].id(), 10))).isEmpty();
        assertThat(ids(repository().page(ticket, MessagePageRequest.fromStart(null, 2))))
                .containsExactly(m[0].id().value(), m[1].id().value(), m[2].id().value());
        assertThat(ids(repository().page(ticket, MessagePageRequest.fromStart(m[2].id(), 10))))
                .containsExactly(m[0].id().value(), m[1].id().value());
    }

    @Test
    void findByIdOnlyFindsMessagesOfThatTicket() {
        TicketId ticket = newTicket();
        TicketId other = newTicket();
        Message message = post(ticket, AGENT, "hi");

        assertThat(repository().findById(other, message.id())).isEmpty();
        assertThat(repository().findById(ticket, MessageId.of(Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void latestIdIsTheNewestMessageOfTheTicket() {
        TicketId ticket = newTicket();
        assertThat(repository().latestId(ticket)).isEmpty();
        post(ticket, AGENT, "one");
        Message two = post(ticket, CUSTOMER, "two");
        post(newTicket(), AGENT, "elsewhere");

        assertThat(repository().latestId(ticket)).contains(two.id());
    }

    @Test
    void markingReadCoversTheOtherSidesUnreadMessagesOnly() {
        TicketId ticket = newTicket();
        TicketId other = newTicket();
        post(ticket, CUSTOMER, "c1");
        Message c2 = post(ticket, CUSTOMER, "c2");
        post(ticket, AGENT, "a1");
        post(other, CUSTOMER, "elsewhere");
        Instant readAt = T0.plusSeconds(60);

        assertThat(repository().countUnread(ticket, ParticipantType.AGENT)).isEqualTo(2);
        assertThat(repository().countUnread(ticket, ParticipantType.CUSTOMER)).isEqualTo(1);

        MessageRepository.ReadMark mark = repository().markRead(ticket, ParticipantType.AGENT, readAt);

        assertThat(mark.markedCount()).isEqualTo(2);
        assertThat(mark.upToMessageId()).isEqualTo(c2.id());
        assertThat(repository().countUnread(ticket, ParticipantType.AGENT)).isZero();
        assertThat(repository().countUnread(ticket, ParticipantType.CUSTOMER)).isEqualTo(1);
        assertThat(repository().countUnread(other, ParticipantType.AGENT)).isEqualTo(1);
        Message read = repository().findById(ticket, c2.id()).orElseThrow();
        assertThat(read.isRead()).isTrue();
        assertThat(read.readAt()).isEqualTo(readAt);

        MessageRepository.ReadMark again = repository().markRead(ticket, ParticipantType.AGENT, readAt.plusSeconds(1));
        assertThat(again.markedCount()).isZero();
        assertThat(again.upToMessageId()).isNull();
    }

    @Test
    void systemMessagesAreUnreadForBothSides() {
        TicketId ticket = newTicket();
        repository().append(new NewMessage(ticket, Sender.system(DisplayName.of("System")), MessageText.of("Chat started"),
                MessageType.SYSTEM, null, null, T0));

        assertThat(repository().countUnread(ticket, ParticipantType.AGENT)).isEqualTo(1);
        assertThat(repository().countUnread(ticket, ParticipantType.CUSTOMER)).isEqualTo(1);
    }

    @Test
    void pagesCarryEveryStoredFieldAsFindingOneByIdDoes() {
        TicketId ticket = newTicket();
        Message question = repository().append(draft(ticket, CUSTOMER, "Question", "c-9")).message();
        repository().append(new NewMessage(ticket, AGENT, MessageText.of("Answer"), MessageType.TEXT, question.id(), null, T0));
        repository().append(new NewMessage(ticket, Sender.system(DisplayName.of("System")), MessageText.of("Ticket escalated"),
                MessageType.STATUS_UPDATE, null, null, T0));
        repository().markRead(ticket, ParticipantType.AGENT, T0.plusSeconds(5));

        List<Message> latest = repository().page(ticket, MessagePageRequest.latest(10));
        List<Message> forward = repository().page(ticket, MessagePageRequest.after(question.id(), 10));

        assertThat(latest).hasSize(3);
        assertThat(latest).allSatisfy(message -> assertThat(message).isEqualTo(repository().findById(ticket, message.id()).orElseThrow()));
        assertThat(latest.getFirst().clientMessageId()).isEqualTo(ClientMessageId.of("c-9"));
        assertThat(latest.getFirst().readAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(latest.get(1).parentId()).isEqualTo(question.id());
        assertThat(latest.get(2).sender().userId()).isNull();
        assertThat(latest.get(2).type()).isEqualTo(MessageType.STATUS_UPDATE);
        assertThat(forward).isEqualTo(latest.subList(1, 3));
    }
}
