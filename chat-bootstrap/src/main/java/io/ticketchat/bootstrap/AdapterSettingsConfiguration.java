package io.ticketchat.bootstrap;

import io.ticketchat.persistence.jooq.ChatPersistenceSettings;
import io.ticketchat.ratelimit.SendRateLimitSettings;
import io.ticketchat.web.rest.ChatRestSettings;
import io.ticketchat.web.socket.ChatWebSocketSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Maps the {@code chat.*} properties onto each adapter's own settings. Imported before the adapters'
 * configurations, so their defaults back off; a host's own settings bean makes these back off in turn.
 */
@Configuration(proxyBeanMethods = false)
class AdapterSettingsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChatPersistenceSettings chatPersistenceSettings(ChatProperties properties) {
        ChatProperties.Tickets tickets = properties.getTickets();
        return new ChatPersistenceSettings(tickets.getTable(), tickets.getIdColumn(),
                tickets.getCustomerNameColumn(), tickets.getIssueTitleColumn());
    }

    @Bean
    @ConditionalOnMissingBean
    ChatWebSocketSettings chatWebSocketSettings(ChatProperties properties) {
        ChatProperties.Websocket socket = properties.getWebsocket();
        return ChatWebSocketSettings.defaults()
                .withAllowedOrigins(ChatCrossOriginConfiguration.socketOrigins(properties))
                .withMaxTextMessageSize(Math.toIntExact(socket.getMaxFrameSize().toBytes()))
                .withSendLimits(Math.toIntExact(socket.getSendBufferSize().toBytes()), socket.getSendTimeLimit())
                .withHeartbeat(socket.getPingInterval(), socket.getIdleTimeout())
                .withLimits(socket.getMaxSocketsPerUser(), 50, 200);
    }

    @Bean
    @ConditionalOnMissingBean
    SendRateLimitSettings sendRateLimitSettings(ChatProperties properties) {
        ChatProperties.RateLimit limit = properties.getRateLimit();
        return new SendRateLimitSettings(limit.getMessages(), limit.getWindow(), SendRateLimitSettings.DEFAULTS.maxTrackedSenders());
    }

    @Bean
    @ConditionalOnMissingBean
    ChatRestSettings chatRestSettings(ChatProperties properties) {
        return ChatRestSettings.defaults().withMaxRequestBodyBytes(Math.toIntExact(properties.getRest().getMaxBodySize().toBytes()));
    }
}
