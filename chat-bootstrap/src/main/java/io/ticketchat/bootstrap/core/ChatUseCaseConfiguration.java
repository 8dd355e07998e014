package io.ticketchat.bootstrap.core;

import io.ticketchat.application.port.in.ChangeChatSessionStatusUseCase;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.CountUnreadMessagesUseCase;
import io.ticketchat.application.port.in.ExpireTypingUseCase;
import io.ticketchat.application.port.in.JoinTicketRoomUseCase;
import io.ticketchat.application.port.in.LeaveTicketRoomUseCase;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.OpenChatSessionUseCase;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.in.StartTypingUseCase;
import io.ticketchat.application.port.in.StopTypingUseCase;
import io.ticketchat.application.port.in.UpdateSessionTypingUseCase;
import io.ticketchat.application.port.out.ChatEventListener;
import io.ticketchat.application.port.out.ChatEventPublisher;
import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.application.service.GrantedTicketsAccessPolicy;
import io.ticketchat.application.service.InMemoryWebSocketTicketStore;
import io.ticketchat.bootstrap.ChatProperties;
import io.ticketchat.domain.event.MessagePosted;
import io.ticketchat.persistence.jooq.GroupCommit;
import io.ticketchat.persistence.jooq.StoreFailures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The use cases as beans: each one a transactional view of its service, so a whole use case commits
 * or rolls back as one and its events leave only after the commit. Reads run without a database
 * transaction unless their statements must agree (see {@link TransactionalUseCases}). Every bean backs off
 * for a host's own of its type (or, for the clock, of its name).
 */
@Configuration(proxyBeanMethods = false)
public class ChatUseCaseConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "chatClock")
    Clock chatClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    TicketAccessPolicy chatTicketAccessPolicy() {
        return new GrantedTicketsAccessPolicy();
    }

    /** One node's tickets; several nodes without sticky sessions share a store of their own instead. */
    @Bean
    @ConditionalOnMissingBean
    WebSocketTicketStore chatWebSocketTicketStore(@Qualifier("chatClock") Clock clock) {
        return new InMemoryWebSocketTicketStore(clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ChatEventPublisher chatEventPublisher(ObjectProvider<ChatEventListener> listeners) {
        return new AfterCommitChatEventPublisher(memoized(() -> listeners.orderedStream().toList()));
    }

    /**
     * The send path's one hop to the rooms: every new message is announced by the group commit where it
     * commits (a writer, after its batch's commit, in id order per ticket), also one stored after its
     * sender gave up waiting. The post-message service therefore leaves {@code MessagePosted} to it.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    GroupCommit chatGroupCommit(MessageRepository messages, TransactionalUseCases tx, ChatProperties properties,
                                ChatEventPublisher events) {
        ChatProperties.GroupCommit settings = properties.getGroupCommit();
        return new GroupCommit(messages, tx.readWrite(MessageRepository.class, messages),
                TransactionSynchronizationManager::isActualTransactionActive, settings.getWriters(), settings.getMaxBatch(),
                settings.getQueueCapacity(), settings.getSendTimeout(),
                stored -> events.publish(new MessagePosted(stored.message(), stored.previousMessageId())));
    }

    @Bean
    @ConditionalOnMissingBean
    ChatCoreServices chatCoreServices(TicketAccessPolicy policy, TicketDirectory tickets, GroupCommit groupCommit,
                                      ChatSessionRepository sessions, ChatParticipantRepository participants,
                                      ChatEventPublisher events, SendRateLimiter rateLimiter,
                                      @Qualifier("chatClock") Clock clock, ChatProperties properties) {
        return new ChatCoreServices(policy, CachingTicketDirectory.of(tickets, properties.getTickets().getCacheTtl()),
                groupCommit.repository(), sessions, participants, events, withoutMessagePosted(events), rateLimiter, clock);
    }

    /** What the post-message service publishes, less the {@code MessagePosted} the group commit announces. */
    private static ChatEventPublisher withoutMessagePosted(ChatEventPublisher events) {
        return event -> {
            if (!(event instanceof MessagePosted)) {
                events.publish(event);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalUseCases chatTransactionalUseCases(PlatformTransactionManager transactionManager) {
        return new TransactionalUseCases(transactionManager, StoreFailures::toPortException);
    }

    @Bean
    @ConditionalOnMissingBean
    ListMessagesUseCase listMessagesUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.read(ListMessagesUseCase.class, core.listMessages);
    }

    /** Its one write is the append, which the group commit stores and commits before the use case goes on. */
    @Bean
    @ConditionalOnMissingBean
    PostMessageUseCase postMessageUseCase(ChatCoreServices core, TransactionalUseCases tx, GroupCommit groupCommit) {
        return groupCommit.enabled()
                ? tx.outsideTransaction(PostMessageUseCase.class, core.postMessage)
                : tx.readWrite(PostMessageUseCase.class, core.postMessage);
    }

    @Bean
    @ConditionalOnMissingBean
    MarkMessagesReadUseCase markMessagesReadUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.readWrite(MarkMessagesReadUseCase.class, core.markRead);
    }

    @Bean
    @ConditionalOnMissingBean
    CountUnreadMessagesUseCase countUnreadMessagesUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.read(CountUnreadMessagesUseCase.class, core.countUnread);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenChatSessionUseCase openChatSessionUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.readWrite(OpenChatSessionUseCase.class, core.openSession);
    }

    @Bean
    @ConditionalOnMissingBean
    ChangeChatSessionStatusUseCase changeChatSessionStatusUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.readWrite(ChangeChatSessionStatusUseCase.class, core.changeSessionStatus);
    }

    @Bean
    @ConditionalOnMissingBean
    StartTypingUseCase startTypingUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.read(StartTypingUseCase.class, core.typing);
    }

    @Bean
    @ConditionalOnMissingBean
    StopTypingUseCase stopTypingUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.read(StopTypingUseCase.class, core.typing);
    }

    @Bean
    @ConditionalOnMissingBean
    UpdateSessionTypingUseCase updateSessionTypingUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.read(UpdateSessionTypingUseCase.class, core.typing);
    }

    /*
     * The three below touch no store, so they run without a transaction. Method references rather than
     * the services themselves: a service implementing several use cases must not become a second
     * candidate for the others.
     */

    @Bean
    @ConditionalOnMissingBean
    ExpireTypingUseCase expireTypingUseCase(ChatCoreServices core) {
        return core.typing::expireTyping;
    }

    /**
     * The newest id and the replayed page must come from one snapshot: read apart, a message committed in
     * between could make a client that resumes from an id beyond the ticket's newest skip messages.
     */
    @Bean
    @ConditionalOnMissingBean
    JoinTicketRoomUseCase joinTicketRoomUseCase(ChatCoreServices core, TransactionalUseCases tx) {
        return tx.snapshotRead(JoinTicketRoomUseCase.class, core.rooms);
    }

    @Bean
    @ConditionalOnMissingBean
    LeaveTicketRoomUseCase leaveTicketRoomUseCase(ChatCoreServices core) {
        return core.rooms::leaveRoom;
    }

    @Bean
    @ConditionalOnMissingBean
    CheckTicketAccessUseCase checkTicketAccessUseCase(ChatCoreServices core) {
        return core.access::mayAccess;
    }

    @Bean
    @ConditionalOnMissingBean
    TypingExpiry chatTypingExpiry(ExpireTypingUseCase expireTyping, ChatProperties properties) {
        return new TypingExpiry(expireTyping, properties.getTyping().getExpiryCheckInterval());
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            T current = value.get();
            if (current == null) {
                current = supplier.get();
                value.compareAndSet(null, current);
            }
            return current;
        };
    }
}
