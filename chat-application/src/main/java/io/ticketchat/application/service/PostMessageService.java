package io.ticketchat.application.service;

import io.ticketchat.application.port.in.MessageNotFoundException;
import io.ticketchat.application.port.in.PostMessageCommand;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.in.PostedMessage;
import io.ticketchat.application.port.in.RateLimitedException;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.event.MessagePosted;

import java.time.Clock;

public class PostMessageService implements PostMessageUseCase {

    private final TicketAccess access;
    private final MessageRepository messages;
    private final TypingService typing;
    private final ChatEventPublisher events;
    private final SendRateLimiter rateLimiter;
    private final Clock clock;

    public PostMessageService(TicketAccess access, MessageRepository messages, TypingService typing,
                              ChatEventPublisher events, SendRateLimiter rateLimiter, Clock clock) {
        this.access = access;
        this.messages = messages;
        this.typing = typing;
        this.events = events;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Override
    public PostedMessage postMessage(PostMessageCommand command) {
        command.claim().requireMatches(command.caller());
        if (command.type() != MessageType.TEXT) {
            throw new DomainValidationException("messageType", "clients may only send text messages");
        }
        access.require(command.caller(), command.ticketId());
        rateLimiter.tryAcquire(command.caller()).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
        if (command.parentId() != null && messages.findById(command.ticketId(), command.parentId()).isEmpty()) {
            throw new MessageNotFoundException(command.parentId());
        }
        NewMessage draft = new NewMessage(command.ticketId(), command.caller().asSender(), command.text(),
                MessageType.TEXT, command.parentId(), command.clientMessageId(), clock.instant());
        MessageRepository.Appended appended = messages.append(draft);
        if (appended.created()) {
            events.publish(new MessagePosted(appended.message(), appended.previousMessageId()));
            typing.messageSent(command.caller(), command.ticketId());
        }
        return new PostedMessage(appended.message(), appended.created());
    }
}
