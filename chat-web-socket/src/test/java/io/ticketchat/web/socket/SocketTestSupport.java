package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.PostMessageCommand;
import io.ticketchat.application.testing.ChatCore;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.TicketId;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server for all socket tests. Each test takes fresh ticket and user ids, so tests sharing the
 * server never see each other's rooms.
 */
@SpringBootTest(classes = SocketTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SocketTestSupport {

    private static final AtomicLong IDS = new AtomicLong(1_000);

    static {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
    }

    @LocalServerPort
    int port;

    @Autowired
    ChatCore core;

    @Autowired
    ChatConnections connections;

    @Autowired
    TicketRooms rooms;

    private final List<ChatSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(ChatSocket::close);
    }

    long newTicket() {
        long id = IDS.incrementAndGet();
        core.tickets.add(id, "Customer " + id, "Issue " + id);
        return id;
    }

    /** Registers a caller and returns the key a socket authenticates with. */
    String agent(String name) {
        return register(Caller.agent(IDS.incrementAndGet(), name));
    }

    String customer(String name, long... tickets) {
        return register(Caller.customer(IDS.incrementAndGet(), name, tickets));
    }

    private String register(Caller caller) {
        String key = "user-" + caller.userId();
        core.callers.register(key, caller);
        return key;
    }

    Caller caller(String key) {
        return core.callers.resolve(() -> key).orElseThrow();
    }

    ChatSocket connect(String as) {
        ChatSocket socket = ChatSocket.open(port, "?as=" + as, true);
        sockets.add(socket);
        return socket;
    }

    /** Closes the socket after the test, like the ones {@link #connect} opens. */
    ChatSocket track(ChatSocket socket) {
        sockets.add(socket);
        return socket;
    }

    ChatSocket connectWithoutReading(String as) {
        ChatSocket socket = ChatSocket.open(port, "?as=" + as, false);
        sockets.add(socket);
        return socket;
    }

    /** Joins and waits for JOINED_ROOM. */
    ChatSocket joined(String as, long ticketId) {
        ChatSocket socket = connect(as);
        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticketId + "}");
        socket.awaitFrame(f -> f.path("type").asString("").equals("JOINED_ROOM") && f.path("ticketId").asLong() == ticketId);
        return socket;
    }

    /** Posts as REST would: straight through the use case. */
    Message post(String as, long ticketId, String text) {
        return core.postMessage.postMessage(new PostMessageCommand(caller(as), TicketId.of(ticketId),
                MessageText.of(text), null, null, null, null)).message();
    }

    Message post(String as, long ticketId, String text, String clientMessageId) {
        return core.postMessage.postMessage(new PostMessageCommand(caller(as), TicketId.of(ticketId),
                MessageText.of(text), null, null, ClientMessageId.of(clientMessageId), null)).message();
    }

    static String sendFrame(long ticketId, String text, String clientMessageId) {
        return "{\"type\":\"SEND_MESSAGE\",\"ticketId\":" + ticketId + ",\"message\":\"" + text
                + "\",\"clientMessageId\":\"" + clientMessageId + "\"}";
    }
}
