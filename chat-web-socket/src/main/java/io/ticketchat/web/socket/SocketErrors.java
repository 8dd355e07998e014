package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.ChatSessionNotFoundException;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.MessageNotFoundException;
import io.ticketchat.application.port.in.RateLimitedException;
import io.ticketchat.application.port.in.TicketNotFoundException;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.IllegalSessionTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what went wrong into the contract's error codes. Nothing internal reaches the client. */
final class SocketErrors {

    private static final Logger log = LoggerFactory.getLogger(SocketErrors.class);

    private SocketErrors() {
    }

    static SocketError of(RuntimeException failure) {
        return switch (failure) {
            case InvalidFrameException invalid ->
                    new SocketError(ErrorCode.VALIDATION_FAILED, invalid.getMessage(), invalid.field(), null, null, null);
            case DomainValidationException invalid ->
                    new SocketError(ErrorCode.VALIDATION_FAILED, invalid.getMessage(), invalid.field(), null, null, null);
            case ForbiddenException forbidden ->
                    new SocketError(ErrorCode.FORBIDDEN, forbidden.getMessage(), forbidden.field(), null, null, null);
            case TicketNotFoundException notFound -> SocketError.of(ErrorCode.NOT_FOUND, notFound.getMessage());
            case MessageNotFoundException notFound -> SocketError.of(ErrorCode.NOT_FOUND, notFound.getMessage());
            case ChatSessionNotFoundException notFound -> SocketError.of(ErrorCode.NOT_FOUND, notFound.getMessage());
            case IllegalSessionTransitionException conflict -> SocketError.of(ErrorCode.CONFLICT, conflict.getMessage());
            case RateLimitedException limited -> SocketError.of(ErrorCode.RATE_LIMITED, limited.getMessage());
            case ChatStoreUnavailableException unavailable -> {
                log.warn("Chat store unavailable: {}", unavailable.toString());
                yield SocketError.of(ErrorCode.UNAVAILABLE, "the chat is temporarily unavailable, try again shortly");
            }
            default -> {
                log.error("Unexpected failure while serving a socket", failure);
                yield SocketError.of(ErrorCode.INTERNAL, "internal error");
            }
        };
    }

    static SocketError accessEnded(long ticketId) {
        return SocketError.of(ErrorCode.FORBIDDEN, "you may no longer access this ticket").about(ticketId);
    }
}
