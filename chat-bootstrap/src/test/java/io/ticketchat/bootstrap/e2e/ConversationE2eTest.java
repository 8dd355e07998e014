package io.ticketchat.bootstrap.e2e;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.web.socket.testing.ChatSocket;
import io.ticketchat.bootstrap.testsupport.SharedStandaloneService;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent and a customer talking over real WebSocket clients to the standalone service: the agent
 * connects with {@code Authorization: Bearer}, the customer as a browser does, with a handshake ticket
 * from {@code POST /api/chat/ws-ticket}. Every test has a ticket of its own.
 */
@ExtendWith(SharedStandaloneService.class)
class ConversationE2eTest {

    private final List<ChatSocket> sockets = new ArrayList<>();
    private StandaloneService service;
    private long ticket;
    private String agentToken;
    private String customerToken;

    @BeforeEach
    void ticketOfItsOwn(StandaloneService service) {
        this.service = service;
        ticket = service.newTicket();
        agentToken = service.tokens().agent(1, "Agent Smith");
        customerToken = service.tokens().customer(2, "John Doe", ticket);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    @Test
    void agentAndCustomerExchangeMessagesAndTheSenderIsAcknowledgedAfterCommit() {
        ChatSocket agent = agentSocket();
        ChatSocket customer = customerSocket();
        JsonNode joined = agent.join(ticket);
        customer.join(ticket);
        assertThat(joined.path("userType").asString()).isEqualTo("agent");
        assertThat(joined.path("message").asString()).isEqualTo("Joined ticket " + ticket + " chat room");

        agent.send("""
                {"type": "SEND_MESSAGE", "ticketId": %d, "message": "Hello! How can I help you?", "userType": "agent",
                 "agentName": "Agent Smith", "customerName": null, "clientMessageId": "a-1"}""".formatted(ticket));

        JsonNode ack = agent.awaitType("MESSAGE_ACK");
        long messageId = ack.path("messageId").asLong();
        assertThat(ack.path("clientMessageId").asString()).isEqualTo("a-1");
        assertThat(ack.path("ticketId").asLong()).isEqualTo(ticket);
        // The acknowledgement comes after the commit: any other reader sees the message already.
        assertThat(ChatApi.bearer(service.port(), customerToken).get("/api/chat/messages/" + ticket).json().path("data")
                .valueStream().map(m -> m.path("id").asLong())).contains(messageId);

        JsonNode heard = customer.awaitFrame(f -> ChatSocket.isType("NEW_MESSAGE").test(f) && f.path("messageId").asLong() == messageId);
        assertThat(heard.path("message").asString()).isEqualTo("Hello! How can I help you?");
        assertThat(heard.path("userType").asString()).isEqualTo("agent");
        assertThat(heard.path("agentName").asString()).isEqualTo("Agent Smith");
        assertThat(heard.path("customerName").isNull()).isTrue();
        assertThat(heard.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(heard.path("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(agent.awaitFrame(f -> f.path("messageId").asLong() == messageId && ChatSocket.isType("NEW_MESSAGE").test(f))
                .path("clientMessageId").asString()).isEqualTo("a-1");

        customer.send("""
                {"type": "SEND_MESSAGE", "ticketId": %d, "message": "My printer is on fire 🔥", "userType": "customer",
                 "agentName": null, "customerName": "John Doe"}""".formatted(ticket));

        JsonNode reply = agent.awaitFrame(f -> ChatSocket.isType("NEW_MESSAGE").test(f) && "customer".equals(f.path("userType").asString()));
        assertThat(reply.path("message").asString()).isEqualTo("My printer is on fire 🔥");
        assertThat(reply.path("customerName").asString()).isEqualTo("John Doe");
        assertThat(reply.path("messageId").asLong()).isGreaterThan(messageId);
    }

    @Test
    void aMessagePostedOverRestReachesEverySocketInTheRoom() {
        ChatSocket agent = agentSocket();
        ChatSocket customer = customerSocket();
        agent.join(ticket);
        customer.join(ticket);

        ChatApi.Response posted = ChatApi.bearer(service.port(), agentToken).post("/api/chat/messages",
                "{\"ticketId\": " + ticket + ", \"message\": \"Sent over REST\"}");

        assertThat(posted.status()).isEqualTo(201);
        long id = posted.json().path("data").path("id").asLong();
        for (ChatSocket socket : List.of(agent, customer)) {
            JsonNode frame = socket.awaitFrame(f -> f.path("messageId").asLong() == id);
            assertThat(frame.path("type").asString()).isEqualTo("NEW_MESSAGE");
            assertThat(frame.path("message").asString()).isEqualTo("Sent over REST");
        }
    }

    @Test
    void typingStartsAndStopsForTheOtherSideOnly() {
        ChatSocket agent = agentSocket();
        ChatSocket customer = customerSocket();
        agent.join(ticket);
        customer.join(ticket);

        customer.send("{\"type\": \"TYPING\", \"ticketId\": " + ticket + ", \"userType\": \"customer\", \"customerName\": \"John Doe\"}");
        JsonNode typing = agent.awaitType("USER_TYPING");
        assertThat(typing.path("userType").asString()).isEqualTo("customer");
        assertThat(typing.path("ticketId").asLong()).isEqualTo(ticket);

        customer.send("{\"type\": \"STOP_TYPING\", \"ticketId\": " + ticket + ", \"userType\": \"customer\"}");
        JsonNode stopped = agent.awaitType("USER_STOPPED_TYPING");
        assertThat(stopped.path("userType").asString()).isEqualTo("customer");

        // A PING round trip after both: had the customer heard of its own typing, it would have arrived by now.
        customer.send("{\"type\": \"PING\"}");
        customer.awaitType("PONG");
        assertThat(customer.ofType("USER_TYPING")).isEmpty();
        assertThat(customer.ofType("USER_STOPPED_TYPING")).isEmpty();
    }

    @Test
    void markReadTellsTheRoomUpToWhichMessage() {
        ChatSocket agent = agentSocket();
        ChatSocket customer = customerSocket();
        agent.join(ticket);
        customer.join(ticket);
        agent.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"Please restart it\"}");
        long id = agent.awaitType("MESSAGE_ACK").path("messageId").asLong();
        customer.awaitFrame(f -> f.path("messageId").asLong() == id);

        customer.send("{\"type\": \"MARK_READ\", \"ticketId\": " + ticket + "}");

        JsonNode read = agent.awaitType("MESSAGES_READ");
        assertThat(read.path("ticketId").asLong()).isEqualTo(ticket);
        assertThat(read.path("userType").asString()).isEqualTo("customer");
        assertThat(read.path("upToMessageId").asLong()).isEqualTo(id);
        assertThat(read.path("readAt").asString()).endsWith("Z");
        assertThat(ChatApi.bearer(service.port(), customerToken).get("/api/chat/unread/" + ticket + "/customer")
                .json().path("data").path("unreadCount").asLong()).isZero();
    }

    @Test
    void resumingAfterADisconnectYieldsExactlyTheHundredMissedMessagesInOrder() throws InterruptedException {
        ChatSocket agent = agentSocket();
        agent.join(ticket);
        ChatSocket customer = customerSocket();
        customer.join(ticket);
        agent.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"before the drop\"}");
        long lastSeen = agent.awaitType("MESSAGE_ACK").path("messageId").asLong();
        customer.awaitFrame(f -> f.path("messageId").asLong() == lastSeen);
        customer.drop();

        Thread sender = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 100; i++) {
                agent.send("{\"type\": \"SEND_MESSAGE\", \"ticketId\": " + ticket + ", \"message\": \"missed " + i
                        + "\", \"clientMessageId\": \"m-" + i + "\"}");
            }
        });
        // Reconnect while the agent is still sending: some messages are history, the rest arrive live.
        await().atMost(Duration.ofSeconds(30)).until(() -> agent.ofType("MESSAGE_ACK").size() > 20);
        ChatSocket back = customerSocket();
        back.send("{\"type\": \"JOIN_TICKET\", \"ticketId\": " + ticket + ", \"lastMessageId\": " + lastSeen + "}");
        back.awaitType("JOINED_ROOM");

        await().atMost(Duration.ofSeconds(30)).until(() -> agent.ofType("MESSAGE_ACK").size() == 101);
        List<Long> sent = agent.ofType("MESSAGE_ACK").stream().skip(1).map(f -> f.path("messageId").asLong()).toList();
        assertThat(sent).isSorted().hasSize(100);
        sender.join();
        await().atMost(Duration.ofSeconds(30)).until(() -> back.messageIds(ticket).size() >= 100);
        // A round trip more, so that a duplicate still on its way would be seen.
        back.send("{\"type\": \"PING\"}");
        back.awaitType("PONG");
        assertThat(back.messageIds(ticket)).containsExactlyElementsOf(sent);
        assertThat(sent.getFirst()).isGreaterThan(lastSeen);
        assertThat(back.ofType("NEW_MESSAGE").stream().map(f -> f.path("message").asString()))
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "missed " + i).toList());
    }

    private ChatSocket agentSocket() {
        return track(ChatSocket.withBearer(service.port(), agentToken));
    }

    private ChatSocket customerSocket() {
        return track(ChatSocket.withTicket(service.port(), service.handshakeTicket(customerToken)));
    }

    private ChatSocket track(ChatSocket socket) {
        sockets.add(socket);
        return socket;
    }
}
