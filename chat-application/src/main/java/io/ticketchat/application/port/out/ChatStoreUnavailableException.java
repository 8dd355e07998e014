package io.ticketchat.application.port.out;

/**
 * The store cannot be reached right now. Adapters translate their connection failures into this so
 * every inbound adapter can answer "try again later" (503 / {@code UNAVAILABLE}) the same way.
 */
public class ChatStoreUnavailableException extends RuntimeException {

    public ChatStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
