package io.ticketchat.bootstrap.e2e;

import io.ticketchat.web.socket.testing.ChatSocket;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the standalone service tells every connected client "going away" (1001), so clients
 * reconnect to another node instead of treating it as an error. A service of its own: it is stopped.
 */
class GracefulShutdownE2eTest {

    @Test
    void shutdownClosesEverySocketWith1001() {
        ChatSocket agent;
        ChatSocket customer;
        try (StandaloneService service = StandaloneService.start()) {
            long ticket = service.newTicket();
            agent = ChatSocket.withBearer(service.port(), service.tokens().agent(1, "Agent Smith"));
            customer = ChatSocket.withTicket(service.port(),
                    service.handshakeTicket(service.tokens().customer(2, "John Doe", ticket)));
            agent.join(ticket);
            customer.join(ticket);
        }

        assertThat(agent.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1001);
        assertThat(customer.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1001);
    }
}
