package io.ticketchat.bootstrap;

import io.ticketchat.bootstrap.core.ChatUseCaseConfiguration;
import io.ticketchat.bootstrap.observability.ChatObservabilityConfiguration;
import io.ticketchat.bootstrap.persistence.ChatPersistenceWiring;
import io.ticketchat.ratelimit.ChatSendRateLimitConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Everything a host gets by adding the chat to its classpath: the use cases over the jOOQ adapter, the
 * REST API and the WebSocket endpoint. Runs after the host's DataSource and jOOQ set-up, whose beans it
 * uses and never replaces.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration"})
@EnableConfigurationProperties(ChatProperties.class)
@Import({AdapterSettingsConfiguration.class, ChatPersistenceWiring.class, ChatSendRateLimitConfiguration.class,
        ChatUseCaseConfiguration.class, ChatWebAdapters.class, ChatCrossOriginConfiguration.class, ChatObservabilityConfiguration.class})
public class ChatAutoConfiguration {
}
