package io.ticketchat.web.client;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of the chat's REST API (CONTRACT.md shapes) behind a host's Spring Security session to drive
 * {@code <ticket-chat>} in cookie mode: the caller is the session's principal. It has no socket, so its
 * ws-ticket answers 404 and the component polls, as it does on such a server. Every request is recorded
 * with the headers that matter here.
 */
@RestController
@RequestMapping("/api/chat")
class FakeChatApi {

    record SeenRequest(String method, String path, String authorization, String requestedWith, boolean csrfHeader,
                       String principal) {
    }

    final List<SeenRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();

    FakeChatApi() {
        messages.add(message(1, "agent", "Agent Smith", "Hello from the help desk", null));
    }

    @GetMapping("/messages/{ticketId}")
    Map<String, Object> history(@PathVariable long ticketId, @RequestParam(required = false) Long afterId,
                                HttpServletRequest request, Principal caller) {
        record(request, caller);
        List<Map<String, Object>> page = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            if (afterId == null || (long) m.get("id") > afterId) {
                page.add(m);
            }
        }
        return Map.of("success", true, "data", page, "paging", Map.of("hasMore", false),
                "ticket", Map.of("id", ticketId, "name", "Jane Customer", "issue_title", "Printer on fire"));
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> send(@RequestBody Map<String, Object> body, HttpServletRequest request, Principal caller) {
        record(request, caller);
        Map<String, Object> stored = message(messages.size() + 1, "customer", caller.getName(), (String) body.get("message"),
                (String) body.get("clientMessageId"));
        messages.add(stored);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("success", true, "data", stored));
    }

    @PutMapping("/messages/read/{ticketId}")
    Map<String, Object> read(HttpServletRequest request, Principal caller) {
        record(request, caller);
        return Map.of("success", true, "message", "Messages marked as read");
    }

    @GetMapping("/unread/{ticketId}/{userType}")
    Map<String, Object> unread(HttpServletRequest request, Principal caller) {
        record(request, caller);
        return Map.of("success", true, "data", Map.of("unreadCount", 0));
    }

    @PostMapping("/ws-ticket")
    ResponseEntity<Map<String, Object>> wsTicket(HttpServletRequest request, Principal caller) {
        record(request, caller);
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("success", false, "message", "No socket here", "error", Map.of("code", "NOT_FOUND")));
    }

    List<String> messageTexts() {
        return messages.stream().map(m -> (String) m.get("message")).toList();
    }

    private void record(HttpServletRequest request, Principal caller) {
        boolean csrf = request.getHeader("X-CSRF-TOKEN") != null || request.getHeader("X-XSRF-TOKEN") != null;
        requests.add(new SeenRequest(request.getMethod(), request.getRequestURI(), request.getHeader("Authorization"),
                request.getHeader("X-Requested-With"), csrf, caller == null ? null : caller.getName()));
    }

    private static Map<String, Object> message(long id, String senderType, String senderName, String text, String clientMessageId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("ticket_id", 1);
        m.put("sender_type", senderType);
        m.put("sender_name", senderName);
        m.put("message", text);
        m.put("message_type", "text");
        m.put("is_read", false);
        m.put("client_message_id", clientMessageId);
        m.put("created_at", Instant.now().toString());
        return m;
    }
}
