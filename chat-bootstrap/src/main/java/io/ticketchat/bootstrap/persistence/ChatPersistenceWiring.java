package io.ticketchat.bootstrap.persistence;

import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.bootstrap.ChatProperties;
import io.ticketchat.persistence.jooq.ChatPersistenceConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/** The jOOQ adapter over the host's DataSource and DSLContext, and the chat's own migrations. */
@Configuration(proxyBeanMethods = false)
@Import(ChatPersistenceConfiguration.class)
public class ChatPersistenceWiring {

    @Bean
    @ConditionalOnBooleanProperty(name = "chat.schema.migrate", matchIfMissing = true)
    ChatSchemaMigration chatSchemaMigration(DataSource dataSource, ChatProperties properties,
                                            ObjectProvider<TicketDirectory> directory) {
        ChatProperties.Tickets tickets = properties.getTickets();
        return new ChatSchemaMigration(dataSource, properties.getSchema().isStandaloneTables(), tickets.getTable(),
                tickets.getIdColumn(), directory);
    }
}
