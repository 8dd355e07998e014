package io.ticketchat.bootstrap.security;

import io.ticketchat.bootstrap.standalone.TicketChatApplication;
import io.ticketchat.domain.TicketId;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The standalone service, started once per test JVM the way {@code main} starts it, on a database of
 * its own, with the chat's real JWT security. Tests talk to it over real HTTP and WebSocket.
 */
final class StandaloneChat {

    /** Sends per person per minute: enough for every test, small enough to reach on purpose. */
    static final int RATE_LIMIT = 20;

    private static StandaloneChat shared;

    final ChatTestDatabase database;
    final ConfigurableApplicationContext context;
    final int port;
    final TestTokens tokens = TestTokens.withDefaultSecret(Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();

    private StandaloneChat() {
        database = ChatTestServer.shared().createEmptyDatabase();
        context = TicketChatApplication.application().run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--chat.demo.enabled=false",
                "--chat.security.jwt.secret=" + TestTokens.SECRET,
                "--chat.security.jwt.clock-skew=1s",
                "--chat.rate-limit.messages=" + RATE_LIMIT,
                "--chat.rate-limit.window=1m");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static synchronized StandaloneChat shared() {
        if (shared == null) {
            shared = new StandaloneChat();
        }
        return shared;
    }

    long newTicket() {
        TicketId ticket = database.newTicket();
        return ticket.value();
    }

    int storedMessages(long ticketId) {
        return database.dsl().fetchCount(table(name("chat_messages")), field(name("ticket_id")).eq(ticketId));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to the chat failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
