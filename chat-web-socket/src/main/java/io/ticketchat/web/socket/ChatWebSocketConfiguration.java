package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.JoinTicketRoomUseCase;
import io.ticketchat.application.port.in.LeaveTicketRoomUseCase;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.in.StartTypingUseCase;
import io.ticketchat.application.port.in.StopTypingUseCase;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The WebSocket adapter: {@code /ws/chat} and the ticket rooms behind it. Imported by the bootstrap,
 * never scanned. Needs the use cases and a {@link CallerResolver} from the host; the bootstrap also
 * subscribes the {@link TicketRooms} bean to the after-commit event publisher.
 *
 * <p>{@code @EnableWebSocket} only collects {@link WebSocketConfigurer} beans, so a host's own
 * WebSocket endpoints keep working beside this one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class ChatWebSocketConfiguration {

    /** Where the ticket filter runs among the servlet filters: early, yet after Boot's request-wide ones. */
    public static final int TICKET_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    @Bean
    @ConditionalOnMissingBean
    ChatWebSocketSettings chatWebSocketSettings() {
        return ChatWebSocketSettings.defaults();
    }

    @Bean
    @ConditionalOnMissingBean
    PrincipalExpiry chatPrincipalExpiry() {
        return PrincipalExpiry.NEVER;
    }

    @Bean
    @ConditionalOnMissingBean
    ChatHandshakeHandler chatHandshakeHandler() {
        return new ChatHandshakeHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    SocketWorkers chatSocketWorkers() {
        return new SocketWorkers();
    }

    @Bean
    EventJson chatEventJson() {
        return new EventJson();
    }

    @Bean
    @ConditionalOnMissingBean
    TicketRooms chatTicketRooms(ListMessagesUseCase listMessages, CheckTicketAccessUseCase access, EventJson json,
                                SocketWorkers workers, ChatWebSocketSettings settings,
                                ObjectProvider<ChatSocketObserver> observer) {
        return new TicketRooms(listMessages, access, json, workers, settings, observer.getIfUnique(() -> ChatSocketObserver.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    ChatConnections chatConnections(TicketRooms rooms, LeaveTicketRoomUseCase leaveRoom, PrincipalExpiry expiry,
                                    SocketWorkers workers, ChatWebSocketSettings settings, EventJson json,
                                    ObjectProvider<Clock> clock) {
        return new ChatConnections(rooms, leaveRoom, expiry, workers, settings, json,
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    ChatSocketHandler chatSocketHandler(CallerResolver callers, ChatConnections connections, TicketRooms rooms,
                                        JoinTicketRoomUseCase joinRoom, LeaveTicketRoomUseCase leaveRoom,
                                        PostMessageUseCase postMessage, StartTypingUseCase startTyping,
                                        StopTypingUseCase stopTyping, MarkMessagesReadUseCase markRead,
                                        EventJson json, ChatWebSocketSettings settings,
                                        ObjectProvider<ChatSocketObserver> observers, HttpSessionSockets httpSessions) {
        ChatSocketObserver observer = observers.getIfUnique(() -> ChatSocketObserver.NONE);
        ClientCommands commands = new ClientCommands(joinRoom, leaveRoom, postMessage, startTyping, stopTyping,
                markRead, rooms, json, settings, observer);
        return new ChatSocketHandler(callers, connections, commands, settings, observer, httpSessions);
    }

    /** A servlet session listener: Boot registers it with the container, which calls it when a session ends. */
    @Bean
    HttpSessionSockets chatHttpSessionSockets(ChatConnections connections, ObjectProvider<Clock> clock) {
        return new HttpSessionSockets(connections, clock.getIfUnique(Clock::systemUTC));
    }

    /**
     * Before Spring Security's filters (order -100) and any host filter of default order, so a browser's
     * ticket authenticates the handshake whatever security the host runs.
     */
    @Bean
    FilterRegistrationBean<WebSocketTicketFilter> chatWebSocketTicketFilter(WebSocketTicketStore tickets,
                                                                            ChatWebSocketSettings settings) {
        FilterRegistrationBean<WebSocketTicketFilter> registration =
                new FilterRegistrationBean<>(new WebSocketTicketFilter(settings.path(), tickets));
        registration.addUrlPatterns(settings.path());
        registration.setOrder(TICKET_FILTER_ORDER);
        return registration;
    }

    @Bean
    WebSocketConfigurer chatWebSocketConfigurer(ChatSocketHandler handler, ChatHandshakeHandler handshakeHandler,
                                                ObjectProvider<ChatHandshakeInterceptor> interceptors,
                                                ChatWebSocketSettings settings) {
        return registry -> {
            String[] origins = settings.allowedOrigins().toArray(String[]::new);
            // Method, Upgrade and Origin are checked before the adapter's own interceptors, and before the origin check
            // Spring appends to every registration (which would answer 403 without a body; given the same origins it
            // never refuses what passed here). A servlet filter in front, such as the standalone ticket filter, sees
            // the request earlier; a foreign page holds no ticket to spend anyway.
            List<HandshakeInterceptor> chain = new ArrayList<>();
            chain.add(new HandshakeRefusals(settings.allowedOrigins()));
            interceptors.orderedStream().forEach(chain::add);
            registry.addHandler(handler, settings.path())
                    .setHandshakeHandler(handshakeHandler)
                    .addInterceptors(chain.toArray(HandshakeInterceptor[]::new))
                    .setAllowedOrigins(origins);
        };
    }
}
