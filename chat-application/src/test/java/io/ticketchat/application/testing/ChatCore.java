package io.ticketchat.application.testing;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.application.service.ChangeChatSessionStatusService;
import io.ticketchat.application.service.CountUnreadMessagesService;
import io.ticketchat.application.service.GrantedTicketsAccessPolicy;
import io.ticketchat.application.service.ListMessagesService;
import io.ticketchat.application.service.MarkMessagesReadService;
import io.ticketchat.application.service.OpenChatSessionService;
import io.ticketchat.application.service.PostMessageService;
import io.ticketchat.application.service.TicketAccess;
import io.ticketchat.application.service.TicketRoomService;
import io.ticketchat.application.service.TypingService;

/**
 * Every use case wired over in-memory fakes: the real core, minus a database. Adapter tests use it to
 * drive their transport against genuine behaviour instead of mocks.
 */
public class ChatCore {

    public final MutableClock clock = MutableClock.at("2024-01-15T10:30:00.000Z");
    public final InMemoryMessageRepository messageRepository = new InMemoryMessageRepository();
    public final InMemoryChatSessionRepository sessionRepository = new InMemoryChatSessionRepository();
    public final InMemoryChatParticipantRepository participantRepository = new InMemoryChatParticipantRepository();
    public final InMemoryTicketDirectory tickets = new InMemoryTicketDirectory();
    public final RecordingChatEventPublisher events = new RecordingChatEventPublisher();

    public final TicketAccess access = new TicketAccess(new GrantedTicketsAccessPolicy(), tickets);
    public final ListMessagesService listMessages = new ListMessagesService(access, messageRepository);
    public final TypingService typing = new TypingService(access, sessionRepository, events, clock);
    /** Replace before first use to test throttling; unlimited by default. */
    public SendRateLimiter rateLimiter = SendRateLimiter.UNLIMITED;
    public final PostMessageService postMessage =
            new PostMessageService(access, messageRepository, typing, events, caller -> rateLimiter.tryAcquire(caller), clock);
    public final MarkMessagesReadService markRead = new MarkMessagesReadService(access, messageRepository, events, clock);
    public final CountUnreadMessagesService countUnread = new CountUnreadMessagesService(access, messageRepository);
    public final OpenChatSessionService openSession =
            new OpenChatSessionService(access, sessionRepository, participantRepository, events, clock);
    public final ChangeChatSessionStatusService changeSessionStatus =
            new ChangeChatSessionStatusService(access, sessionRepository, events, clock);
    public final TicketRoomService rooms = new TicketRoomService(access, listMessages, messageRepository, typing, events, clock);

    /** Resolves principals whose name is a registered test caller's key. */
    public final TestCallers callers = new TestCallers();

    public CallerResolver callerResolver() {
        return callers;
    }
}
