package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.out.ChatEventListener;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.application.service.InMemoryWebSocketTicketStore;
import io.ticketchat.application.service.TicketRoomService;
import io.ticketchat.application.service.TypingService;
import io.ticketchat.application.testing.ChatCore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatWebSocketConfigurationTest {

    private final ChatCore core = new ChatCore();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChatWebSocketConfiguration.class))
            .withBean(CallerResolver.class, core::callerResolver)
            .withBean(ListMessagesUseCase.class, () -> core.listMessages)
            .withBean(CheckTicketAccessUseCase.class, () -> core.access)
            .withBean(TicketRoomService.class, () -> core.rooms)
            .withBean(PostMessageUseCase.class, () -> core.postMessage)
            .withBean(TypingService.class, () -> core.typing)
            .withBean(MarkMessagesReadUseCase.class, () -> core.markRead)
            .withBean(WebSocketTicketStore.class, () -> new InMemoryWebSocketTicketStore(core.clock));

    @Test
    void providesTheEndpointTheRoomListenerAndDefaultSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ChatEventListener.class);
            assertThat(context.getBean(ChatEventListener.class)).isInstanceOf(TicketRooms.class);
            assertThat(context).hasSingleBean(WebSocketConfigurer.class);
            assertThat(context.getBean(ChatWebSocketSettings.class)).isEqualTo(ChatWebSocketSettings.defaults());
            assertThat(context.getBean(PrincipalExpiry.class)).isSameAs(PrincipalExpiry.NEVER);
            assertThat(context).hasSingleBean(HttpSessionSockets.class);
            assertThat(context.getBean("chatWebSocketTicketFilter", FilterRegistrationBean.class).getOrder())
                    .isLessThan(-100);
        });
    }

    @Test
    void backsOffForTheHostsOwnSettingsAndSeams() {
        ChatWebSocketSettings mine = ChatWebSocketSettings.defaults()
                .withHeartbeat(Duration.ofSeconds(5), Duration.ofSeconds(20)).withMaxTextMessageSize(64 * 1024);
        PrincipalExpiry expiry = principal -> Optional.empty();
        runner.withBean(ChatWebSocketSettings.class, () -> mine)
                .withBean(PrincipalExpiry.class, () -> expiry)
                .run(context -> {
                    assertThat(context.getBean(ChatWebSocketSettings.class)).isSameAs(mine);
                    assertThat(context.getBean(PrincipalExpiry.class)).isSameAs(expiry);
                });
    }

    @Test
    void refusesAnIdleTimeoutThatWouldCloseLiveSockets() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                ChatWebSocketSettings.defaults().withHeartbeat(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }
}
