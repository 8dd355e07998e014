package io.ticketchat.web.rest;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

import java.io.IOException;

/**
 * Tomcat's error report for the chat's paths. Tomcat refuses some requests before any servlet, filter
 * or error page of the application runs (a path that does not decode: {@code %00}, {@code %ff},
 * {@code %c0%ae}, {@code ..%2f}; a request target with {@code [} or {@code \}; headers over
 * {@code max-http-request-header-size}), and its Host's {@link ErrorReportValve} writes an HTML page
 * for them. This valve takes that valve's place: the contract's JSON for a request to a chat path, and
 * exactly Tomcat's page for every other path of a host.
 */
final class ChatErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ChatErrorReportValve.class);

    private final ChatFailures failures;
    private final ChatErrorWriter writer;

    ChatErrorReportValve(ChatFailures failures, ChatErrorWriter writer) {
        this.failures = failures;
        this.writer = writer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!ChatApiPaths.isChatPath(pathWithinApplication(request))) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            writer.write(failures.forStatus(status), response);
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the chat's error answer", e);
        }
    }

    /** The raw request path less the context path, also when Tomcat could map the request to no context. */
    private String pathWithinApplication(Request request) {
        String uri = request.getRequestURI();
        if (uri == null) {
            return null;
        }
        String contextPath = request.getContext() != null ? request.getContext().getPath() : onlyContextPath();
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }

    private String onlyContextPath() {
        Container[] contexts = getContainer() == null ? new Container[0] : getContainer().findChildren();
        return contexts.length == 1 && contexts[0] instanceof Context context ? context.getPath() : null;
    }
}
