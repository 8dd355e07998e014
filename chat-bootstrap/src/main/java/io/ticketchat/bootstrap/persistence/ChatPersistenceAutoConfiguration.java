package io.ticketchat.bootstrap.persistence;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.bootstrap.ChatProperties;
import io.ticketchat.persistence.jooq.ChatPersistenceConfiguration;
import io.ticketchat.persistence.jooq.ChatPersistenceSettings;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/**
 * The jOOQ adapter over the host's DataSource and DSLContext, and the chat's own migrations. Runs after
 * the host's DataSource and jOOQ set-up, whose beans it uses and never replaces. A host that brings all
 * the repositories itself switches it off with {@code chat.persistence.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration"})
@ConditionalOnClass({ChatPersistenceConfiguration.class, DSLContext.class})
@ConditionalOnBooleanProperty(name = "chat.persistence.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChatProperties.class)
@Import({ChatPersistenceAutoConfiguration.Settings.class, ChatPersistenceConfiguration.class})
public class ChatPersistenceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "chat.schema.migrate", matchIfMissing = true)
    ChatSchemaMigration chatSchemaMigration(DataSource dataSource, ChatProperties properties,
                                            ObjectProvider<TicketDirectory> directory) {
        ChatProperties.Tickets tickets = properties.getTickets();
        return new ChatSchemaMigration(dataSource, properties.getSchema().isStandaloneTables(), tickets.getTable(),
                tickets.getIdColumn(), directory);
    }

    /** Imported ahead of the adapter's configuration, so its default settings back off for these. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {

        @Bean
        @ConditionalOnMissingBean
        ChatPersistenceSettings chatPersistenceSettings(ChatProperties properties) {
            ChatProperties.Tickets tickets = properties.getTickets();
            return new ChatPersistenceSettings(tickets.getTable(), tickets.getIdColumn(),
                    tickets.getCustomerNameColumn(), tickets.getIssueTitleColumn());
        }
    }
}
