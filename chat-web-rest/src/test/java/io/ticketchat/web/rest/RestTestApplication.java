package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.in.CountUnreadMessagesUseCase;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.OpenChatSessionUseCase;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.in.UpdateSessionTypingUseCase;
import io.ticketchat.application.port.out.WebSocketTicketStore;
import io.ticketchat.application.service.InMemoryWebSocketTicketStore;
import io.ticketchat.application.testing.ChatCore;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The adapter as the bootstrap assembles it, over the real use cases wired on in-memory fakes. */
@SpringBootConfiguration
@Import(ChatRestConfiguration.class)
class RestTestApplication {

    @Bean
    ChatCore chatCore() {
        return new ChatCore();
    }

    @Bean
    CallerResolver callerResolver(ChatCore core) {
        return core.callerResolver();
    }

    @Bean
    ListMessagesUseCase listMessagesUseCase(ChatCore core) {
        return core.listMessages;
    }

    @Bean
    PostMessageUseCase postMessageUseCase(ChatCore core) {
        return core.postMessage;
    }

    @Bean
    MarkMessagesReadUseCase markMessagesReadUseCase(ChatCore core) {
        return core.markRead;
    }

    @Bean
    CountUnreadMessagesUseCase countUnreadMessagesUseCase(ChatCore core) {
        return core.countUnread;
    }

    @Bean
    OpenChatSessionUseCase openChatSessionUseCase(ChatCore core) {
        return core.openSession;
    }

    @Bean
    WebSocketTicketStore webSocketTicketStore(ChatCore core) {
        return new InMemoryWebSocketTicketStore(core.clock);
    }

    @Bean
    UpdateSessionTypingUseCase updateSessionTypingUseCase(ChatCore core) {
        return core.typing;
    }
}
