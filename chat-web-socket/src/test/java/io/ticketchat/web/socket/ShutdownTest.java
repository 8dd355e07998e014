package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.testing.ChatCore;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownTest {

    @Test
    void shuttingDownClosesEverySocketWithGoingAway() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SocketTestApplication.class)
                .properties("server.port=0").run();
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        context.getBean(ChatCore.class).callers.register("leaving-agent", Caller.agent(5, "Agent Smith"));
        try (ChatSocket socket = ChatSocket.open(port, "?as=" + "leaving-agent", true)) {
            socket.send("{\"type\":\"PING\"}");
            socket.awaitType("PONG");

            context.close();

            assertThat(socket.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        }
    }
}
