package io.ticketchat.bootstrap.smoke;

import io.ticketchat.bootstrap.testsupport.SharedStandaloneService;
import io.ticketchat.bootstrap.testsupport.StandaloneService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' smoke test, run against the standalone service as it would be after a deployment. */
@ExtendWith(SharedStandaloneService.class)
class ChatSmokeTestE2eTest {

    private static final List<String> CHECKS = List.of("health", "rest.ws-ticket", "ws.connect", "ws.join", "ws.ping",
            "rest.list-messages", "rest.post-message", "rest.post-message.repeat", "ws.rest-post-delivered",
            "ws.send-message", "rest.unread-count", "rest.mark-read", "rest.session", "rest.typing");

    @Test
    void everyCheckPassesAgainstAHealthyServiceAsAnAgent(StandaloneService service) {
        long ticket = service.newTicket();
        String token = service.tokens().agent(1, "Agent Smith");

        Run run = run("--url=" + service.baseUrl(), "--token=" + token, "--ticket-id=" + ticket);

        assertThat(run.exitCode()).as(run.output()).isZero();
        for (String check : CHECKS) {
            assertThat(run.lines()).as(run.output()).anyMatch(line -> line.matches("PASS +" + check.replace(".", "\\.") + " .*"));
        }
        assertThat(run.lines()).noneMatch(line -> line.startsWith("FAIL")).last().isEqualTo("Smoke test passed");
        assertThat(run.output()).doesNotContain(token);
    }

    @Test
    void everyCheckPassesAsTheTicketsCustomer(StandaloneService service) {
        long ticket = service.newTicket();

        Run run = run("--url=" + service.baseUrl() + "/", "--token=" + service.tokens().customer(5, "Jane Roe", ticket),
                "--ticket-id=" + ticket);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("as customer");
    }

    @Test
    void aTicketTheTokenMayNotAccessFailsWithExitCode1(StandaloneService service) {
        long ticket = service.newTicket();
        long other = service.newTicket();

        Run run = run("--url=" + service.baseUrl(), "--token=" + service.tokens().customer(5, "Jane Roe", other),
                "--ticket-id=" + ticket);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).anyMatch(line -> line.matches("FAIL +rest\\.list-messages +HTTP 403 .*FORBIDDEN.*"));
        assertThat(run.lines().getLast()).startsWith("Smoke test FAILED");
    }

    @Test
    void aServiceThatIsNotThereFailsEveryCheck() {
        Run run = run("--url=http://localhost:1", "--token=whatever", "--timeout=2s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).anyMatch(line -> line.startsWith("FAIL health"));
        assertThat(run.lines()).noneMatch(line -> line.startsWith("PASS"));
    }

    @Test
    void aWrongCommandLineExitsWith2AndPrintsTheUsage() {
        Run run = run("--url=http://localhost:8080");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--token is required").contains("usage:");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ChatSmokeTest.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }
}
