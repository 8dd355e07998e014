package io.ticketchat.application.port.out;

import io.ticketchat.domain.event.ChatEvent;

/**
 * Hands events to whoever fans them out. Called inside the use case; an implementation that runs in
 * a transaction must hold events back until it commits and drop them if it rolls back.
 */
public interface ChatEventPublisher {

    void publish(ChatEvent event);
}
