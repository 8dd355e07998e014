package io.ticketchat.web.socket;

import io.ticketchat.domain.Message;
import io.ticketchat.domain.TicketId;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConversationTest extends SocketTestSupport {

    @Test
    void agentAndCustomerExchangeMessagesWithTheGuidesShapes() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        String customer = customer("John Doe", ticket);
        ChatSocket agentSocket = connect(agent);
        agentSocket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"userId\":"
                + caller(agent).userId().value() + ",\"userType\":\"agent\"}");
        JsonNode joined = agentSocket.awaitType("JOINED_ROOM");
        assertThat(joined.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(joined.path("userType").asString()).isEqualTo("agent");
        assertThat(joined.path("message").asString()).isEqualTo("Joined ticket " + ticket + " chat room");
        ChatSocket customerSocket = joined(customer, ticket);

        agentSocket.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":\"Hello! How can I help you?\","
                + "\"userType\":\"agent\",\"agentName\":\"Agent Smith\",\"customerName\":null,\"clientMessageId\":\"a-1\"}");

        JsonNode ack = agentSocket.awaitType("MESSAGE_ACK");
        assertThat(ack.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(ack.path("clientMessageId").asString()).isEqualTo("a-1");
        assertThat(ack.path("timestamp").asString()).isEqualTo(Timestamps.format(core.clock.instant()))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode seen = customerSocket.awaitType("NEW_MESSAGE");
        assertThat(seen.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(seen.path("message").asString()).isEqualTo("Hello! How can I help you?");
        assertThat(seen.path("userType").asString()).isEqualTo("agent");
        assertThat(seen.path("agentName").asString()).isEqualTo("Agent Smith");
        assertThat(seen.has("customerName")).isTrue();
        assertThat(seen.path("customerName").isNull()).isTrue();
        assertThat(seen.path("messageId").asLong()).isEqualTo(ack.path("messageId").asLong());
        assertThat(seen.path("timestamp").asString()).isEqualTo(ack.path("timestamp").asString());
        assertThat(seen.path("clientMessageId").asString()).isEqualTo("a-1");
        assertThat(agentSocket.awaitType("NEW_MESSAGE").path("messageId").asLong()).isEqualTo(ack.path("messageId").asLong());

        customerSocket.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":\"My printer is on fire\","
                + "\"userType\":\"customer\",\"agentName\":null,\"customerName\":\"John Doe\"}");
        JsonNode reply = agentSocket.awaitFrame(f -> f.path("message").asString("").equals("My printer is on fire"));
        assertThat(reply.path("userType").asString()).isEqualTo("customer");
        assertThat(reply.path("customerName").asString()).isEqualTo("John Doe");
        assertThat(reply.path("agentName").isNull()).isTrue();
        assertThat(reply.path("clientMessageId").isNull()).isTrue();
        assertThat(customerSocket.awaitType("MESSAGE_ACK").path("clientMessageId").isNull()).isTrue();
    }

    @Test
    void aMessagePostedOutsideTheSocketReachesTheRoom() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        ChatSocket customerSocket = joined(customer("John Doe", ticket), ticket);

        Message posted = post(agent, ticket, "posted over REST");

        JsonNode seen = customerSocket.awaitType("NEW_MESSAGE");
        assertThat(seen.path("messageId").asLong()).isEqualTo(posted.id().value());
        assertThat(seen.path("senderId").asLong()).isEqualTo(caller(agent).userId().value());
    }

    @Test
    void aRetriedSendIsAcknowledgedWithTheOriginalAndAnnouncedOnce() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        ChatSocket agentSocket = joined(agent, ticket);
        ChatSocket observer = joined(agent("Agent Jones"), ticket);

        agentSocket.send(sendFrame(ticket, "once", "retry-1"));
        agentSocket.send(sendFrame(ticket, "once", "retry-1"));

        await().until(() -> agentSocket.ofType("MESSAGE_ACK").size() == 2);
        assertThat(agentSocket.ofType("MESSAGE_ACK")).extracting(a -> a.path("messageId").asLong()).containsOnly(
                agentSocket.ofType("MESSAGE_ACK").getFirst().path("messageId").asLong());
        observer.send("{\"type\":\"PING\"}");
        observer.awaitType("PONG");
        assertThat(observer.messageIds(ticket)).hasSize(1);
    }

    @Test
    void markingReadTellsTheRoom() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        String customer = customer("John Doe", ticket);
        ChatSocket agentSocket = joined(agent, ticket);
        ChatSocket customerSocket = joined(customer, ticket);
        Message last = post(agent, ticket, "first");
        post(customer, ticket, "mine, not unread for me");
        customerSocket.awaitFrame(f -> f.path("messageId").asLong() == last.id().value());

        customerSocket.send("{\"type\":\"MARK_READ\",\"ticketId\":" + ticket + ",\"userType\":\"customer\"}");

        JsonNode read = agentSocket.awaitType("MESSAGES_READ");
        assertThat(read.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(read.path("userType").asString()).isEqualTo("customer");
        assertThat(read.path("upToMessageId").asLong()).isEqualTo(last.id().value());
        assertThat(read.path("readAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void afterLeavingNoMoreEventsArrive() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        ChatSocket customerSocket = joined(customer("John Doe", ticket), ticket);

        customerSocket.send("{\"type\":\"LEAVE_TICKET\",\"ticketId\":" + ticket + "}");
        customerSocket.awaitType("LEFT_ROOM");
        post(agent, ticket, "nobody hears this");
        customerSocket.send("{\"type\":\"PING\"}");
        customerSocket.awaitType("PONG");

        assertThat(customerSocket.ofType("NEW_MESSAGE")).isEmpty();
        await().until(() -> !rooms.hasRoom(TicketId.of(ticket)));
    }

    @Test
    void aForgedIdentityIsRefusedAndNothingIsStored() {
        long ticket = newTicket();
        String customer = customer("John Doe", ticket);
        ChatSocket customerSocket = joined(customer, ticket);

        customerSocket.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":\"I am the agent\","
                + "\"userType\":\"agent\",\"agentName\":\"Agent Smith\",\"clientMessageId\":\"forged-1\"}");

        JsonNode error = customerSocket.awaitType("ERROR");
        assertThat(error.path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.path("clientMessageId").asString()).isEqualTo("forged-1");
        assertThat(error.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(error.path("timestamp").isString()).isTrue();
        assertThat(error.path("message").isString()).isTrue();
        assertThat(core.messageRepository.latestId(TicketId.of(ticket))).isEmpty();
    }

    @Test
    void aCustomerCannotJoinOrWriteAnotherTicket() {
        long mine = newTicket();
        long theirs = newTicket();
        ChatSocket customerSocket = connect(customer("John Doe", mine));

        customerSocket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + theirs + "}");
        customerSocket.send(sendFrame(theirs, "let me in", "x-1"));

        await().until(() -> customerSocket.ofType("ERROR").size() == 2);
        assertThat(customerSocket.ofType("ERROR")).extracting(e -> e.path("code").asString())
                .containsExactly("FORBIDDEN", "FORBIDDEN");
        assertThat(customerSocket.ofType("JOINED_ROOM")).isEmpty();
        post(agent("Agent Smith"), theirs, "private");
        customerSocket.send("{\"type\":\"PING\"}");
        customerSocket.awaitType("PONG");
        assertThat(customerSocket.ofType("NEW_MESSAGE")).isEmpty();
    }

    @Test
    void aMemberWhoseAccessEndsIsRemovedAtFanOut() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        String customer = customer("John Doe", ticket);
        ChatSocket agentSocket = joined(agent, ticket);
        ChatSocket customerSocket = joined(customer, ticket);
        SocketTestApplication.REVOKED.add(caller(customer).userId().value());

        Message posted = post(agent, ticket, "not for the former customer");

        agentSocket.awaitFrame(f -> f.path("messageId").asLong() == posted.id().value());
        JsonNode error = customerSocket.awaitType("ERROR");
        assertThat(error.path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(customerSocket.ofType("NEW_MESSAGE")).isEmpty();
    }

    @Test
    void anUnknownTicketIsNotFound() {
        ChatSocket agentSocket = connect(agent("Agent Smith"));

        agentSocket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":99999999}");

        assertThat(agentSocket.awaitType("ERROR").path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void pingIsAnsweredWithPong() {
        ChatSocket socket = connect(agent("Agent Smith"));

        socket.send("{\"type\":\"PING\"}");

        assertThat(socket.awaitType("PONG").size()).isEqualTo(1);
    }

    @Test
    void aSocketWithoutAPrincipalIsClosedWithPolicyViolation() throws Exception {
        ChatSocket anonymous = connect(null);

        assertThat(anonymous.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    @Test
    void onePersonMayHoldOnlySoManySockets() throws Exception {
        String agent = agent("Agent Smith");
        connect(agent);
        connect(agent);
        connect(agent);

        ChatSocket fourth = connect(agent);

        assertThat(fourth.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }

    @Test
    void onlyAllowedOriginsMayOpenASocket() {
        String agent = agent("Agent Smith");

        CompletableFuture<WebSocket> foreign = handshake(agent, "https://evil.example.org");
        CompletableFuture<WebSocket> allowed = handshake(agent, "https://desk.example.com");

        await().atMost(Duration.ofSeconds(10)).until(() -> foreign.isDone() && allowed.isDone());
        assertThat(foreign).isCompletedExceptionally();
        assertThat(allowed).isCompleted();
        allowed.join().abort();
    }

    private CompletableFuture<WebSocket> handshake(String as, String origin) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat?as=" + as), new WebSocket.Listener() { });
    }
}
