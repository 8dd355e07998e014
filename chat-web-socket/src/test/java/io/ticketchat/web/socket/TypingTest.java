package io.ticketchat.web.socket;

import io.ticketchat.domain.event.TypingStarted;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TypingTest extends SocketTestSupport {

    @Test
    void theOtherSideSeesTypingStartAndStop() {
        long ticket = newTicket();
        ChatSocket agentSocket = joined(agent("Agent Smith"), ticket);
        ChatSocket customerSocket = joined(customer("John Doe", ticket), ticket);

        agentSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + ",\"userType\":\"agent\",\"agentName\":\"Agent Smith\"}");
        JsonNode typing = customerSocket.awaitType("USER_TYPING");
        agentSocket.send("{\"type\":\"STOP_TYPING\",\"ticketId\":" + ticket + ",\"userType\":\"agent\"}");
        JsonNode stopped = customerSocket.awaitType("USER_STOPPED_TYPING");

        assertThat(typing.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(typing.path("userType").asString()).isEqualTo("agent");
        assertThat(typing.path("agentName").asString()).isEqualTo("Agent Smith");
        assertThat(stopped.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(stopped.path("userType").asString()).isEqualTo("agent");
        agentSocket.send("{\"type\":\"PING\"}");
        agentSocket.awaitType("PONG");
        assertThat(agentSocket.ofType("USER_TYPING")).as("nobody is told about their own typing").isEmpty();
    }

    @Test
    void typingThatIsNeverStoppedExpires() {
        long ticket = newTicket();
        ChatSocket customerSocket = connect(customer("John Doe", ticket));
        customerSocket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + "}");
        customerSocket.awaitType("JOINED_ROOM");
        ChatSocket agentSocket = joined(agent("Agent Smith"), ticket);

        customerSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + ",\"userType\":\"customer\",\"customerName\":\"John Doe\"}");
        assertThat(agentSocket.awaitType("USER_TYPING").path("customerName").asString()).isEqualTo("John Doe");
        core.clock.advance(Duration.ofSeconds(8));
        core.typing.expireTyping();

        assertThat(agentSocket.awaitType("USER_STOPPED_TYPING").path("userType").asString()).isEqualTo("customer");
    }

    @Test
    void closingTheSocketStopsTypingAtOnce() {
        long ticket = newTicket();
        ChatSocket agentSocket = joined(agent("Agent Smith"), ticket);
        ChatSocket customerSocket = joined(customer("John Doe", ticket), ticket);

        customerSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + "}");
        agentSocket.awaitType("USER_TYPING");
        customerSocket.closeNormally();

        assertThat(agentSocket.awaitType("USER_STOPPED_TYPING").path("userType").asString()).isEqualTo("customer");
    }

    @Test
    void typingIntoATicketTheSocketHasNotJoinedIsRefusedSoNoIndicatorOutlivesTheSocket() {
        long ticket = newTicket();
        ChatSocket agentSocket = joined(agent("Agent Smith"), ticket);
        ChatSocket customerSocket = connect(customer("John Doe", ticket));

        customerSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + "}");
        JsonNode error = customerSocket.awaitType("ERROR");
        customerSocket.closeNormally();

        assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("ticketId").asLong()).isEqualTo(ticket);
        agentSocket.send("{\"type\":\"PING\"}");
        agentSocket.awaitType("PONG");
        assertThat(agentSocket.ofType("USER_TYPING")).as("no spell began, so none can be left running").isEmpty();
    }

    @Test
    void aBurstOfTypingIsAnnouncedOnceAndDoesNotFloodTheCore() {
        long ticket = newTicket();
        ChatSocket agentSocket = joined(agent("Agent Smith"), ticket);
        ChatSocket customerSocket = joined(customer("John Doe", ticket), ticket);
        int startsBefore = core.events.eventsOf(TypingStarted.class).size();

        for (int i = 0; i < 50; i++) {
            customerSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + "}");
        }
        customerSocket.send("{\"type\":\"PING\"}");
        customerSocket.awaitType("PONG");

        agentSocket.awaitType("USER_TYPING");
        assertThat(customerSocket.ofType("ERROR")).isEmpty();
        assertThat(core.events.eventsOf(TypingStarted.class).size() - startsBefore).isEqualTo(1);
        await().during(Duration.ofMillis(300)).until(() -> agentSocket.ofType("USER_TYPING").size() == 1);
    }

    @Test
    void sendingAMessageEndsTheSendersTyping() {
        long ticket = newTicket();
        ChatSocket agentSocket = joined(agent("Agent Smith"), ticket);
        ChatSocket customerSocket = joined(customer("John Doe", ticket), ticket);

        customerSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + "}");
        agentSocket.awaitType("USER_TYPING");
        customerSocket.send(sendFrame(ticket, "done typing", "t-1"));

        agentSocket.awaitType("USER_STOPPED_TYPING");
        customerSocket.send("{\"type\":\"TYPING\",\"ticketId\":" + ticket + "}");
        await().until(() -> agentSocket.ofType("USER_TYPING").size() == 2);
    }
}
