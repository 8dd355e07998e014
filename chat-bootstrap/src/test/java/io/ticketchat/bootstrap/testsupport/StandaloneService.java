package io.ticketchat.bootstrap.testsupport;

import io.ticketchat.bootstrap.standalone.TicketChatApplication;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import io.ticketchat.security.jwt.testing.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone service as operators run it ({@link TicketChatApplication#application()}, with its
 * defaults), on a real port over a fresh database of the test server with the standalone tables,
 * accepting tokens signed with {@link TestTokens#SECRET}.
 */
public final class StandaloneService implements AutoCloseable {

    /** The guide's examples name ticket 1: it is created first, so every fresh service has it. */
    public static final long GUIDE_TICKET = 1;

    private final ChatTestDatabase database;
    private final ConfigurableApplicationContext context;
    private final TestTokens tokens = TestTokens.withDefaultSecret(Clock.systemUTC());

    private StandaloneService(ChatTestDatabase database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
    }

    public static StandaloneService start(String... extraArguments) {
        ChatTestDatabase database = ChatTestServer.shared().createEmptyDatabase();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + env(ChatTestServer.USER_VARIABLE, "root"),
                "--spring.datasource.password=" + env(ChatTestServer.PASSWORD_VARIABLE, ""),
                "--server.port=0",
                "--chat.security.jwt.secret=" + TestTokens.SECRET,
                // One person sends 100 messages in a row in the resume test.
                "--chat.rate-limit.messages=10000",
                // The sample host's Flyway is on the test classpath; the standalone service has no use for it.
                "--spring.flyway.enabled=false",
                // The log test asserts that even debug logging keeps message text and tokens out (logging is
                // per JVM: another application started later in the same test run may set other levels).
                "--logging.level.io.ticketchat=DEBUG",
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extraArguments));
        ConfigurableApplicationContext context = TicketChatApplication.application().run(arguments.toArray(String[]::new));
        StandaloneService service = new StandaloneService(database, context);
        long first = database.newTicket().value();
        if (first != GUIDE_TICKET) {
            throw new IllegalStateException("the guide's ticket should be 1 in a fresh database, was " + first);
        }
        return service;
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public ChatTestDatabase database() {
        return database;
    }

    public TestTokens tokens() {
        return tokens;
    }

    /** A ticket of the caller's own, so tests never see each other's messages. */
    public long newTicket() {
        return database.newTicket().value();
    }

    /** Trades a bearer token for a single-use handshake ticket. */
    public String handshakeTicket(String token) {
        ChatApi.Response response = ChatApi.bearer(port(), token).post("/api/chat/ws-ticket", "");
        if (response.status() != 200) {
            throw new IllegalStateException("POST /api/chat/ws-ticket answered " + response.status());
        }
        return response.json().path("data").path("ticket").asString();
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
