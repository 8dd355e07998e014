package io.ticketchat.web.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.Set;

/**
 * Answers every failure under {@code /api/chat} with the contract's error body. A resolver rather
 * than a {@code @ControllerAdvice}: it also sees failures that happen before a handler is chosen
 * (unknown route, wrong method), which a scoped advice never does, and it leaves every other path of
 * a host alone, which a global advice would not. It runs first so a host's catch-all advice cannot
 * reshape the chat's errors.
 */
final class ChatApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ChatApiExceptionResolver.class);

    private static final Set<String> SECURITY_FAILURES = Set.of(
            "org.springframework.security.access.AccessDeniedException",
            "org.springframework.security.core.AuthenticationException");

    private final ChatFailures failures;
    private final ChatErrorWriter writer;

    ChatApiExceptionResolver(ChatFailures failures, ChatErrorWriter writer) {
        this.failures = failures;
        this.writer = writer;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!ChatApiPaths.isApiRequest(request) || isSpringSecurityFailure(ex)) {
            return null;
        }
        ApiFailure failure = failures.describe(ex);
        if (failure == null) {
            log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
            failure = failures.internal();
        } else if (failure.status().is5xxServerError()) {
            log.warn("{} on {} {}: {}", failure.status().value(), request.getMethod(), request.getRequestURI(), ex.getClass().getSimpleName());
        }
        if (response.isCommitted()) {
            log.warn("Response already committed on {} {}; cannot report {}", request.getMethod(), request.getRequestURI(), failure.status());
            return new ModelAndView();
        }
        try {
            writer.write(failure, response);
        } catch (IOException writeFailure) {
            log.debug("Could not write the error response", writeFailure);
        }
        return new ModelAndView();
    }

    /**
     * Spring Security's own exceptions must reach its exception translation filter, which answers
     * them as the host configured (401 challenge, 403). Matched by name: Security is optional here.
     */
    private static boolean isSpringSecurityFailure(Exception ex) {
        for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
            if (SECURITY_FAILURES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
