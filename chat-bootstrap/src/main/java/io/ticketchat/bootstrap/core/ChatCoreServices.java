package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.application.service.ChangeChatSessionStatusService;
import io.ticketchat.application.service.CountUnreadMessagesService;
import io.ticketchat.application.service.ListMessagesService;
import io.ticketchat.application.service.MarkMessagesReadService;
import io.ticketchat.application.service.OpenChatSessionService;
import io.ticketchat.application.service.PostMessageService;
import io.ticketchat.application.service.TicketAccess;
import io.ticketchat.application.service.TicketRoomService;
import io.ticketchat.application.service.TypingService;

import java.time.Clock;

/**
 * The application services, built once over the outbound ports. Kept out of the bean registry on
 * purpose: only their transactional use-case views are beans, so an adapter asking for a use case
 * finds exactly one. The post-message service publishes through {@code postMessageEvents}: in the
 * assembly, a publisher that leaves {@code MessagePosted} to the group commit, which announces each stored
 * message where it commits.
 */
public final class ChatCoreServices {

    final TicketAccess access;
    final ListMessagesService listMessages;
    final TypingService typing;
    final PostMessageService postMessage;
    final MarkMessagesReadService markRead;
    final CountUnreadMessagesService countUnread;
    final OpenChatSessionService openSession;
    final ChangeChatSessionStatusService changeSessionStatus;
    final TicketRoomService rooms;

    public ChatCoreServices(TicketAccessPolicy policy, TicketDirectory tickets, MessageRepository messages,
                            ChatSessionRepository sessions, ChatParticipantRepository participants,
                            ChatEventPublisher events, ChatEventPublisher postMessageEvents, SendRateLimiter rateLimiter,
                            Clock clock) {
        access = new TicketAccess(policy, tickets);
        listMessages = new ListMessagesService(access, messages);
        typing = new TypingService(access, sessions, events, clock);
        postMessage = new PostMessageService(access, messages, typing, postMessageEvents, rateLimiter, clock);
        markRead = new MarkMessagesReadService(access, messages, events, clock);
        countUnread = new CountUnreadMessagesService(access, messages);
        openSession = new OpenChatSessionService(access, sessions, participants, events, clock);
        changeSessionStatus = new ChangeChatSessionStatusService(access, sessions, events, clock);
        rooms = new TicketRoomService(access, listMessages, messages, typing, events, clock);
    }
}
