package io.ticketchat.bootstrap.observability;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketchat.persistence.jooq.GroupCommit;
import io.ticketchat.web.socket.ChatConnections;
import io.ticketchat.web.socket.TicketRooms;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and health of the chat. Meters are {@link MeterBinder}s, so Boot binds them to whatever
 * registry the host or the standalone service has; health joins Actuator's {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterBinder.class)
public class ChatObservabilityConfiguration {

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

    /** The socket side exists only in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class SocketObservability {

        @Bean
        @ConditionalOnMissingBean
        ChatSocketMetrics chatSocketMetrics(ObjectProvider<ChatConnections> connections) {
            return new ChatSocketMetrics(connections);
        }
    }

    /** {@code chatSockets} in {@code /actuator/health}, beside Boot's own {@code db}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(HealthIndicator.class)
    static class SocketHealth {

        @Bean
        @ConditionalOnMissingBean(name = "chatSocketsHealthIndicator")
        ChatSocketsHealthIndicator chatSocketsHealthIndicator(ChatConnections connections, TicketRooms rooms) {
            return new ChatSocketsHealthIndicator(connections, rooms);
        }
    }
}
