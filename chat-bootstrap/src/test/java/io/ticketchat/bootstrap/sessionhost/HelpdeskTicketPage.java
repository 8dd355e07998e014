package io.ticketchat.bootstrap.sessionhost;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Locale;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The help desk's ticket page, server-rendered as a Thymeleaf or JSP page would be: Spring Security's
 * CSRF token in the two meta tags, the chat element in cookie mode (no token: the session cookie
 * authenticates), and the host's own sign-out form.
 */
@Controller
class HelpdeskTicketPage {

    private final JdbcTemplate jdbc;

    HelpdeskTicketPage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/tickets/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String ticket(@PathVariable long id, @AuthenticationPrincipal HelpdeskAccount account, CsrfToken csrf) {
        String title = jdbc.query("SELECT title FROM tickets WHERE id = ?", rows -> rows.next() ? rows.getString(1) : "Ticket", id);
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="_csrf" content="%s">
                  <meta name="_csrf_header" content="%s">
                  <title>#%d %s</title>
                  <script type="module" src="/ticket-chat/ticket-chat.js"></script>
                </head>
                <body>
                  <header>
                    <h1>#%d %s</h1>
                    <p>Signed in as <span id="who">%s</span></p>
                    <form id="logout" method="post" action="/logout">
                      <input type="hidden" name="%s" value="%s">
                      <button type="submit">Sign out</button>
                    </form>
                  </header>
                  <ticket-chat id="chat" ticket-id="%d" user-type="%s" style="height: 520px"></ticket-chat>
                </body>
                </html>
                """.formatted(htmlEscape(csrf.getToken()), htmlEscape(csrf.getHeaderName()), id, htmlEscape(title), id,
                htmlEscape(title), htmlEscape(account.displayName()), htmlEscape(csrf.getParameterName()),
                htmlEscape(csrf.getToken()), id, account.role().name().toLowerCase(Locale.ROOT));
    }
}
