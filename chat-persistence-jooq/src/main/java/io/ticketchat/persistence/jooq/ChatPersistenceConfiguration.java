package io.ticketchat.persistence.jooq;

import io.ticketchat.application.port.out.ChatParticipantRepository;
import io.ticketchat.application.port.out.ChatSessionRepository;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.port.out.TicketDirectory;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jOOQ adapters as Spring beans, built on the host's {@link DSLContext} (Spring Boot's jOOQ
 * starter makes one that joins Spring-managed transactions). Defines no {@code DSLContext} and no
 * {@code Flyway} of its own, so the host's stay in charge; see {@link ChatSchemaMigrator} for the tables.
 */
@Configuration(proxyBeanMethods = false)
public class ChatPersistenceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ChatPersistenceSettings chatPersistenceSettings() {
        return ChatPersistenceSettings.defaults();
    }

    /** Its writes join the transaction the use cases' decorator opens around every writing use case. */
    @Bean
    @ConditionalOnMissingBean
    public MessageRepository chatMessageRepository(DSLContext dsl) {
        return new JooqMessageRepository(dsl, JooqMessageRepository.Transactions.CALLER);
    }

    @Bean
    @ConditionalOnMissingBean
    public ChatSessionRepository chatSessionRepository(DSLContext dsl) {
        return new JooqChatSessionRepository(dsl);
    }

    @Bean
    @ConditionalOnMissingBean
    public ChatParticipantRepository chatParticipantRepository(DSLContext dsl) {
        return new JooqChatParticipantRepository(dsl);
    }

    @Bean
    @ConditionalOnMissingBean
    public TicketDirectory chatTicketDirectory(DSLContext dsl, ChatPersistenceSettings settings) {
        return new JooqTicketDirectory(dsl, settings);
    }
}
