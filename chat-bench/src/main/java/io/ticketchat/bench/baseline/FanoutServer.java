package io.ticketchat.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The transport ceiling: the chat's socket protocol (join, send, ack, fan-out) on the same Spring Boot,
 * Tomcat and Jackson, with no authentication, no database and no ordering work. Run in a JVM of its own
 * by the bench, like the service.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableWebSocket
public class FanoutServer implements WebSocketConfigurer {

    public static void main(String[] args) {
        SpringApplication.run(FanoutServer.class, args);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new FanoutHandler(), "/ws/chat");
    }
}
