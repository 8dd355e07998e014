package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.application.service.InMemoryWebSocketTicketStore;
import io.ticketchat.application.service.MarkMessagesReadService;
import io.ticketchat.application.service.PostMessageService;
import io.ticketchat.application.service.TicketRoomService;
import io.ticketchat.application.service.TypingService;
import io.ticketchat.application.testing.ChatCore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adapter on a real server over the real use cases and in-memory stores. Events reach the rooms
 * the moment a use case publishes them, as after an instant commit. The adapter comes in the way the
 * bootstrap brings it, after the application's own beans, so its conditional defaults back off.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ImportAutoConfiguration(ChatWebSocketConfiguration.class)
class SocketTestApplication {

    @Bean
    ChatCore chatCore() {
        return new ChatCore();
    }

    @Bean
    Clock clock(ChatCore core) {
        return core.clock;
    }

    @Bean
    CallerResolver callerResolver(ChatCore core) {
        return core.callerResolver();
    }

    @Bean
    WebSocketTicketStore webSocketTicketStore(ChatCore core) {
        return new InMemoryWebSocketTicketStore(core.clock);
    }

    /** Users whose access the host revoked after they joined; the rooms must notice at fan-out. */
    static final Set<Long> REVOKED = ConcurrentHashMap.newKeySet();

    @Bean
    CheckTicketAccessUseCase checkTicketAccess(ChatCore core) {
        return (caller, ticketId) -> !REVOKED.contains(caller.userId().value()) && core.access.mayAccess(caller, ticketId);
    }

    /** While set, history reads fail as if the database were down. */
    static volatile boolean historyDown;

    @Bean
    ListMessagesUseCase listMessages(ChatCore core) {
        return query -> {
            if (historyDown) {
                throw new ChatStoreUnavailableException("test: store down", null);
            }
            return core.listMessages.listMessages(query);
        };
    }

    @Bean
    TypingService typing(ChatCore core) {
        return core.typing;
    }

    @Bean
    PostMessageService postMessage(ChatCore core) {
        return core.postMessage;
    }

    @Bean
    MarkMessagesReadService markRead(ChatCore core) {
        return core.markRead;
    }

    @Bean
    TicketRoomService rooms(ChatCore core) {
        return core.rooms;
    }

    @Bean
    InitializingBean subscribeRooms(ChatCore core, TicketRooms rooms) {
        return () -> core.events.subscribe(rooms);
    }

    /** Small pages and short timeouts so paging, pacing and the heartbeat all happen within a test. */
    @Bean
    ChatWebSocketSettings chatWebSocketSettings() {
        return ChatWebSocketSettings.defaults()
                .withSendLimits(256 * 1024, Duration.ofSeconds(5))
                .withHeartbeat(Duration.ofMillis(200), Duration.ofSeconds(2))
                .withLimits(3, 5, 7)
                .withAllowedOrigins(List.of("https://desk.example.com"));
    }

    /** Credentials that expire, by principal name; the rest never do. */
    static final Map<String, Instant> EXPIRIES = new ConcurrentHashMap<>();

    @Bean
    PrincipalExpiry principalExpiry() {
        return principal -> Optional.ofNullable(EXPIRIES.get(principal.getName()));
    }

    /** Stands in for the ws-ticket check: {@code ?as=<key>} authenticates as that registered test caller. */
    @Bean
    ChatHandshakeInterceptor testPrincipal() {
        return new ChatHandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler handler, Map<String, Object> attributes) {
                String as = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("as");
                if (as != null) {
                    attributes.put(ChatHandshakeHandler.PRINCIPAL_ATTRIBUTE, (Principal) () -> as);
                }
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Exception exception) {
            }
        };
    }
}
