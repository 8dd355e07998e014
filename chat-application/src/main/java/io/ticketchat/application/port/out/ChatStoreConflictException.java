package io.ticketchat.application.port.out;

/**
 * The store gave up the work in hand to let a concurrent transaction go on (a deadlock victim, a lock
 * waited for too long): nothing of it was kept, and running the whole transaction again is the remedy.
 * Adapters translate their store's own signs of this into this exception, so that whoever draws the
 * transaction boundary can retry without knowing the store.
 */
public class ChatStoreConflictException extends RuntimeException {

    public ChatStoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
