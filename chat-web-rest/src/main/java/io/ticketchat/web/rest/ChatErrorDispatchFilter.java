package io.ticketchat.web.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The chat's answer when the container forwards a refused request to its error page (Spring Boot's
 * {@code /error}): a request under the chat's paths that something in front of the chat refused with
 * a bare status (Spring Security's firewall, Tomcat's parameter parsing, a filter's
 * {@code sendError}, an exception out of a filter, mapped as from a handler). Runs on the ERROR dispatch only, ahead of every other
 * filter, and only for chat paths: a host's own error pages are untouched.
 */
final class ChatErrorDispatchFilter extends OncePerRequestFilter {

    private final ChatFailures failures;
    private final ChatErrorWriter writer;

    ChatErrorDispatchFilter(ChatFailures failures, ChatErrorWriter writer) {
        this.failures = failures;
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !ChatApiPaths.isChatPath(withinApplication(request, uri));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ApiFailure failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown ? described(thrown) : null;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        writer.write(failure != null ? failure : failures.forStatus(status), response);
    }

    /**
     * An exception thrown out of a filter in front of the chat (Spring's {@code FormContentFilter} on a form
     * body that does not decode, say) means what it would mean from a handler: the same mapping applies.
     */
    private ApiFailure described(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            ApiFailure failure = failures.describe(cause);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static String withinApplication(HttpServletRequest request, String uri) {
        String contextPath = request.getContextPath();
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }
}
