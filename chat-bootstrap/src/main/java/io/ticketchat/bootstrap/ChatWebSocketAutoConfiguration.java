package io.ticketchat.bootstrap;

import io.ticketchat.web.socket.ChatWebSocketConfiguration;
import io.ticketchat.web.socket.ChatWebSocketSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

/** The WebSocket endpoint and its ticket rooms, in servlet web applications, unless {@code chat.websocket.enabled=false}. */
@AutoConfiguration(after = ChatCoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ChatWebSocketConfiguration.class, WebSocketConfigurer.class})
@ConditionalOnBooleanProperty(name = "chat.websocket.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChatProperties.class)
@Import({ChatWebSocketAutoConfiguration.Settings.class, ChatWebSocketConfiguration.class})
public class ChatWebSocketAutoConfiguration {

    /**
     * Imported ahead of the adapter's configuration, so its default settings back off for these. What
     * {@code chat.websocket.*} does not name (rooms per socket, catch-up page size) keeps the adapter's default.
     */
    @Configuration(proxyBeanMethods = false)
    static class Settings {

        @Bean
        @ConditionalOnMissingBean
        ChatWebSocketSettings chatWebSocketSettings(ChatProperties properties) {
            ChatProperties.Websocket socket = properties.getWebsocket();
            ChatWebSocketSettings defaults = ChatWebSocketSettings.defaults();
            return defaults
                    .withAllowedOrigins(ChatCrossOriginConfiguration.socketOrigins(properties))
                    .withMaxTextMessageSize(Math.toIntExact(socket.getMaxFrameSize().toBytes()))
                    .withSendLimits(Math.toIntExact(socket.getSendBufferSize().toBytes()), socket.getSendTimeLimit())
                    .withHeartbeat(socket.getPingInterval(), socket.getIdleTimeout())
                    .withLimits(socket.getMaxSocketsPerUser(), defaults.maxRoomsPerSocket(), defaults.catchUpPageSize());
        }
    }
}
