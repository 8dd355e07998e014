package io.ticketchat.application.port.out;

import io.ticketchat.domain.event.ChatEvent;

/**
 * Receives committed events: the socket rooms of this node, a relay to other nodes, metrics.
 * Must not block: it is called on the thread that committed the use case.
 */
public interface ChatEventListener {

    void onEvent(ChatEvent event);
}
