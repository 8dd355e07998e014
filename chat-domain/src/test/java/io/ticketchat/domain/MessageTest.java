package io.ticketchat.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTest {

    private static final Instant NOW = Instant.parse("2024-01-15T10:30:00.000Z");
    private static final Sender AGENT = Sender.person(ParticipantType.AGENT, UserId.of(1), DisplayName.of("Agent Smith"));
    private static final Sender CUSTOMER = Sender.person(ParticipantType.CUSTOMER, UserId.of(2), DisplayName.of("John Doe"));
    private static final Sender SYSTEM = Sender.system(DisplayName.of("System"));

    private Message stored(Sender sender, MessageType type) {
        return new NewMessage(TicketId.of(1), sender, MessageText.of("hi"), type, null, null, NOW).stored(MessageId.of(7));
    }

    @Test
    void aStoredMessageStartsUnreadAndUnedited() {
        Message message = stored(AGENT, MessageType.TEXT);
        assertThat(message.id()).isEqualTo(MessageId.of(7));
        assertThat(message.isRead()).isFalse();
        assertThat(message.isEdited()).isFalse();
        assertThat(message.updatedAt()).isEqualTo(NOW);
        assertThat(message.clientMessageIdIfAny()).isEmpty();
    }

    @Test
    void aMessageIsUnreadOnlyForTheOtherSide() {
        Message fromAgent = stored(AGENT, MessageType.TEXT);
        assertThat(fromAgent.isUnreadFor(ParticipantType.CUSTOMER)).isTrue();
        assertThat(fromAgent.isUnreadFor(ParticipantType.AGENT)).isFalse();
        Message fromSystem = stored(SYSTEM, MessageType.SYSTEM);
        assertThat(fromSystem.isUnreadFor(ParticipantType.AGENT)).isTrue();
        assertThat(fromSystem.isUnreadFor(ParticipantType.CUSTOMER)).isTrue();
    }

    @Test
    void onlyTheSystemWritesSystemMessagesAndItWritesNoPlainText() {
        assertThatThrownBy(() -> stored(CUSTOMER, MessageType.SYSTEM)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> stored(SYSTEM, MessageType.TEXT)).isInstanceOf(DomainValidationException.class);
        assertThat(stored(AGENT, MessageType.STATUS_UPDATE).type()).isEqualTo(MessageType.STATUS_UPDATE);
    }

    @Test
    void peopleMustHaveAnIdButTheSystemNeedsNone() {
        assertThatThrownBy(() -> new Sender(SenderType.CUSTOMER, null, DisplayName.of("x"))).isInstanceOf(DomainValidationException.class);
        assertThat(SYSTEM.userId()).isNull();
    }
}
