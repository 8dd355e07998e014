package io.ticketchat.bootstrap.observability;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketchat.persistence.jooq.GroupCommit;
import io.ticketchat.web.socket.ChatConnections;
import io.ticketchat.web.socket.TicketRooms;
import io.ticketchat.bootstrap.ChatCoreAutoConfiguration;
import io.ticketchat.bootstrap.ChatWebSocketAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and health of the chat. Meters are {@link MeterBinder}s, so Boot binds them to whatever
 * registry the host or the standalone service has; health joins Actuator's {@code /actuator/health}.
 * After the core and the socket, so the socket's meters and health exist exactly when the socket does.
 */
@AutoConfiguration(after = {ChatCoreAutoConfiguration.class, ChatWebSocketAutoConfiguration.class})
@ConditionalOnClass(MeterBinder.class)
public class ChatObservabilityAutoConfiguration {

    /** Named, not referenced: a host may leave the socket module out. */
    static final String SOCKET_CONNECTIONS = "io.ticketchat.web.socket.ChatConnections";

    @Bean
    @ConditionalOnMissingBean
    ChatMessageMetrics chatMessageMetrics() {
        return new ChatMessageMetrics();
    }

    @Bean
    @ConditionalOnMissingBean
    GroupCommitMetrics chatGroupCommitMetrics(GroupCommit groupCommit) {
        return new GroupCommitMetrics(groupCommit);
    }

    /** The socket side exists only where the socket does (a servlet web application, not switched off). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SOCKET_CONNECTIONS)
    @ConditionalOnBean(type = SOCKET_CONNECTIONS)
    static class SocketObservability {

        @Bean
        @ConditionalOnMissingBean
        ChatSocketMetrics chatSocketMetrics(ObjectProvider<ChatConnections> connections) {
            return new ChatSocketMetrics(connections);
        }
    }

    /** {@code chatSockets} in {@code /actuator/health}, beside Boot's own {@code db}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SOCKET_CONNECTIONS, value = HealthIndicator.class)
    @ConditionalOnBean(type = SOCKET_CONNECTIONS)
    static class SocketHealth {

        @Bean
        @ConditionalOnMissingBean(name = "chatSocketsHealthIndicator")
        ChatSocketsHealthIndicator chatSocketsHealthIndicator(ChatConnections connections, TicketRooms rooms) {
            return new ChatSocketsHealthIndicator(connections, rooms);
        }
    }
}
