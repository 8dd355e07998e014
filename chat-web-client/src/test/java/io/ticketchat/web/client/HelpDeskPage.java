package io.ticketchat.web.client;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A host's page with the chat, rendered as a template engine would: the session's CSRF token in the
 * {@code _csrf} meta tags (left out with {@code ?meta=none}, as a page relying on the XSRF-TOKEN cookie
 * has it; {@code ?meta=stale} renders a token that is no longer valid).
 */
@RestController
class HelpDeskPage {

    @GetMapping(path = "/helpdesk/ticket", produces = MediaType.TEXT_HTML_VALUE)
    String page(CsrfToken csrf, @RequestParam(defaultValue = "session") String meta) {
        String token = "stale".equals(meta) ? "c3RhbGU=" : csrf.getToken();
        String tags = "none".equals(meta) ? "" : """
                <meta name="_csrf" content="%s">
                <meta name="_csrf_header" content="%s">
                """.formatted(HtmlUtils.htmlEscape(token), HtmlUtils.htmlEscape(csrf.getHeaderName()));
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Help desk: ticket 1</title>
                %s<script type="module" src="/ticket-chat/ticket-chat.js"></script>
                </head>
                <body>
                <ticket-chat id="chat" ticket-id="1" user-type="customer" style="height: 520px"></ticket-chat>
                </body>
                </html>
                """.formatted(tags);
    }
}
