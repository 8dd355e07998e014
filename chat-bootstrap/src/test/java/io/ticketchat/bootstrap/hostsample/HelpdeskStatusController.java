package io.ticketchat.bootstrap.hostsample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** One endpoint of the host's own, to show that embedding the chat locks nothing of the host's. */
@RestController
class HelpdeskStatusController {

    @GetMapping("/helpdesk/status")
    Map<String, String> status() {
        return Map.of("status", "open for business");
    }
}
