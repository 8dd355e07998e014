package io.ticketchat.application.service;

import io.ticketchat.application.port.in.MarkMessagesReadCommand;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.ReadReceipt;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.domain.event.MessagesRead;

import java.time.Clock;
import java.time.Instant;

public class MarkMessagesReadService implements MarkMessagesReadUseCase {

    private final TicketAccess access;
    private final MessageRepository messages;
    private final ChatEventPublisher events;
    private final Clock clock;

    public MarkMessagesReadService(TicketAccess access, MessageRepository messages, ChatEventPublisher events, Clock clock) {
        this.access = access;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ReadReceipt markRead(MarkMessagesReadCommand command) {
        command.claim().requireMatches(command.caller());
        access.require(command.caller(), command.ticketId());
        Instant now = clock.instant();
        MessageRepository.ReadMark mark = messages.markRead(command.ticketId(), command.caller().type(), now);
        if (mark.markedCount() > 0) {
            events.publish(new MessagesRead(command.ticketId(), command.caller().type(), mark.upToMessageId(), now));
        }
        return new ReadReceipt(command.caller().type(), mark.markedCount(), mark.upToMessageId(), now);
    }
}
