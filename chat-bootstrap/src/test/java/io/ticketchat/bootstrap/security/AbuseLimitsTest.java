package io.ticketchat.bootstrap.security;

import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.ticketchat.web.socket.testing.ChatSocket.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** Sends per person per window (REST and socket share one allowance) and sockets per person. */
class AbuseLimitsTest {

    private final StandaloneChat chat = StandaloneChat.shared();

    @Test
    void sendingTooFastIsRateLimitedOverRestAndSocketAlike() {
        long ticket = chat.newTicket();
        String agent = chat.tokens.agent(900_001, "Rapid Agent");
        IntStream.range(0, StandaloneChat.RATE_LIMIT).forEach(i -> assertThat(post(agent, ticket, "m" + i).statusCode()).isEqualTo(201));

        HttpResponse<String> limited = post(agent, ticket, "one too many");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(limited.body()).path("error").path("code").asString()).isEqualTo("RATE_LIMITED");

        try (ChatSocket socket = ChatSocket.connect(socketUri(), Map.of("Authorization", "Bearer " + agent))) {
            socket.send("{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticket + ",\"message\":\"and another\",\"clientMessageId\":\"r1\"}");
            assertThat(socket.awaitType("ERROR").path("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(socket.isOpen()).isTrue();
        }
        assertThat(chat.storedMessages(ticket)).isEqualTo(StandaloneChat.RATE_LIMIT);
        assertThat(post(chat.tokens.agent(900_002, "Calm Agent"), ticket, "someone else").statusCode()).isEqualTo(201);
    }

    @Test
    void onePersonCannotHoldMoreThanTenSockets() {
        String agent = chat.tokens.agent(900_003, "Greedy Agent");
        List<ChatSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                ChatSocket socket = ChatSocket.connect(socketUri(), Map.of("Authorization", "Bearer " + agent));
                socket.roundTrip();
                sockets.add(socket);
            }
            ChatSocket eleventh = ChatSocket.connect(socketUri(), Map.of("Authorization", "Bearer " + agent));
            sockets.add(eleventh);

            assertThat(eleventh.awaitClose()).isEqualTo(1008);
            assertThat(sockets.subList(0, 10)).allMatch(ChatSocket::isOpen);
        } finally {
            sockets.forEach(ChatSocket::close);
        }
    }

    private HttpResponse<String> post(String token, long ticket, String text) {
        return chat.send("POST", "/api/chat/messages", token, "{\"ticketId\":" + ticket + ",\"message\":\"" + text + "\"}");
    }

    private URI socketUri() {
        return URI.create("ws://localhost:" + chat.port + "/ws/chat");
    }
}
