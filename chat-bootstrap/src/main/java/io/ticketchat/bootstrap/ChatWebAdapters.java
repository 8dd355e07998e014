package io.ticketchat.bootstrap;

import io.ticketchat.web.rest.ChatRestConfiguration;
import io.ticketchat.web.socket.ChatWebSocketConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The REST API and the WebSocket endpoint, in servlet web applications only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ChatRestConfiguration.class, ChatWebSocketConfiguration.class})
class ChatWebAdapters {
}
