package io.ticketchat.bootstrap.standalone;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo page's way in: its tickets, and a token for the agent or the ticket's customer. */
@RestController
@RequestMapping(path = "/api/chat/demo", produces = "application/json")
class DemoController {

    private final DemoData data;
    private final DemoTokenIssuer tokens;

    DemoController(DemoData data, DemoTokenIssuer tokens) {
        this.data = data;
        this.tokens = tokens;
    }

    @GetMapping("/tickets")
    Map<String, Object> tickets() {
        List<Map<String, Object>> tickets = data.tickets().stream()
                .map(t -> Map.<String, Object>of("id", t.id(), "name", t.customerName(), "issue_title", t.issueTitle()))
                .toList();
        return Map.of("success", true, "data", tickets);
    }

    @GetMapping("/token")
    ResponseEntity<Map<String, Object>> token(@RequestParam long ticketId, @RequestParam String userType) {
        return data.ticket(ticketId).map(ticket -> {
            Map<String, Object> issued = switch (userType) {
                case "agent" -> issued(tokens.agent(DemoData.AGENT.id(), DemoData.AGENT.name()), DemoData.AGENT.id(), DemoData.AGENT.name());
                case "customer" -> issued(tokens.customer(ticket.customerId(), ticket.customerName(), ticket.id()),
                        ticket.customerId(), ticket.customerName());
                default -> null;
            };
            return issued == null
                    ? error(400, "VALIDATION_FAILED", "userType must be agent or customer")
                    : ResponseEntity.ok(Map.<String, Object>of("success", true, "data", issued));
        }).orElseGet(() -> error(404, "NOT_FOUND", "no demo ticket " + ticketId));
    }

    private static Map<String, Object> issued(String token, long userId, String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        user.put("name", name);
        return Map.of("token", token, "user", user);
    }

    private static ResponseEntity<Map<String, Object>> error(int status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("success", false, "message", message, "error", Map.of("code", code)));
    }
}
