package io.ticketchat.bootstrap.hostsample;

import io.ticketchat.bootstrap.testsupport.ChatApi;
import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;
import io.ticketchat.persistence.jooq.testing.ChatTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample host started against help desk tables whose keys are INT, BIGINT or BIGINT UNSIGNED (what
 * JPA's {@code Long} ids give), and against a UUID key the chat cannot reference: the first three start
 * and chat, the last fails before anything is created, with one line that names the table, the column
 * and what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostKeyStartTest {

    @ParameterizedTest
    @ValueSource(strings = {"INT", "BIGINT", "BIGINT UNSIGNED"})
    void theHostStartsAndChatsWhateverIntegerKeyItsTablesHave(String keyType) {
        try (ChatTestDatabase database = ChatTestServer.shared().createEmptyDatabase()) {
            database.dsl().execute("CREATE TABLE users (id " + keyType + " NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            database.dsl().execute("CREATE TABLE tickets (id " + keyType + " NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "subject VARCHAR(200) NOT NULL, customer_id " + keyType + " NOT NULL, customer_name VARCHAR(100) NOT NULL, "
                    + "CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES users (id))");
            database.dsl().execute("INSERT INTO users (id, name) VALUES (7, 'Carol Customer')");
            database.dsl().execute("INSERT INTO tickets (id, subject, customer_id, customer_name) VALUES (41, 'Printer', 7, 'Carol Customer')");

            try (ConfigurableApplicationContext host = start(database)) {
                int port = host.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                ChatApi customer = ChatApi.withHeaders(port, Map.of(GatewayHeaderFilter.HEADER, "customer:7:Carol Customer"));

                ChatApi.Response posted = customer.post("/api/chat/messages", "{\"ticketId\": 41, \"message\": \"Hello\"}");

                assertThat(posted.status()).as(posted.json().toString()).isEqualTo(201);
                assertThat(customer.get("/api/chat/messages/41").json().path("ticket").path("issue_title").asString())
                        .isEqualTo("Printer");
                assertThat(database.dsl().fetchSingle("SELECT column_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                        + "AND table_name = 'chat_messages' AND column_name = 'ticket_id'").get(0, String.class).replaceAll("\\(\\d+\\)", ""))
                        .isEqualTo(keyType.toLowerCase());
            }
        }
    }

    @Test
    void aUuidTicketKeyFailsTheStartWithOneLineBeforeAnythingIsCreated(CapturedOutput output) {
        try (ChatTestDatabase database = ChatTestServer.shared().createEmptyDatabase()) {
            database.dsl().execute("CREATE TABLE tickets (id CHAR(36) NOT NULL PRIMARY KEY, subject VARCHAR(200) NOT NULL, "
                    + "customer_id INT NOT NULL, customer_name VARCHAR(100) NOT NULL)");

            assertThatThrownBy(() -> start(database).close()).isNotNull();

            String report = output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
            List<String> description = Arrays.stream(report.split("\\R")).filter(line -> line.startsWith("Ticket Chat:")).toList();
            assertThat(description).singleElement().asString()
                    .contains("tickets.id (char(36))", "INT or BIGINT");
            assertThat(report).contains("chat.tickets.id-column=chat_key", "docs/embedding.md")
                    .doesNotContain("FlywayException", "\tat ");
            assertThat(database.dsl().fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                    .getValues(0, String.class)).containsExactly("tickets");
        }
    }

    @Test
    void aTicketColumnTheChatCannotFindFailsTheStartWithTheSettingToChange(CapturedOutput output) {
        try (ChatTestDatabase database = ChatTestServer.shared().createEmptyDatabase()) {
            // The sample maps chat.tickets.issue-title-column=subject; this host calls it title.
            database.dsl().execute("CREATE TABLE tickets (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL, "
                    + "customer_id BIGINT NOT NULL, customer_name VARCHAR(100) NOT NULL)");

            assertThatThrownBy(() -> start(database).close()).isNotNull();

            String report = output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
            assertThat(report).contains("Ticket Chat: Table tickets has no column subject", "Set chat.tickets.issue-title-column=title");
            assertThat(database.dsl().fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                    .getValues(0, String.class)).containsExactly("tickets");
        }
    }

    private static ConfigurableApplicationContext start(ChatTestDatabase database) {
        return new SpringApplicationBuilder(SampleHostApplication.class)
                .resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")))
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + env(ChatTestServer.USER_VARIABLE, "root"),
                        "spring.datasource.password=" + env(ChatTestServer.PASSWORD_VARIABLE, ""),
                        // The tables above stand for the host's own migrations.
                        "spring.flyway.enabled=false",
                        "server.port=0", "spring.main.banner-mode=off")
                .run();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
