package io.ticketchat.bootstrap.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketchat.web.socket.ChatConnections;
import io.ticketchat.web.socket.ChatSocketObserver;
import io.ticketchat.web.socket.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;

/**
 * The WebSocket side's meters:
 * <ul>
 *   <li>{@code chat.sockets.open}: open sockets on this node;</li>
 *   <li>{@code chat.delivery.time}: from a committed message reaching the ticket rooms to its hand-off
 *       to every live member's outbox (the network write itself is not included);</li>
 *   <li>{@code chat.frames.refused}, tagged with the error {@code code}: client frames answered with
 *       an {@code ERROR}.</li>
 * </ul>
 */
public class ChatSocketMetrics implements MeterBinder, ChatSocketObserver {

    public static final String SOCKETS_OPEN = "chat.sockets.open";
    public static final String DELIVERY_TIME = "chat.delivery.time";
    public static final String FRAMES_REFUSED = "chat.frames.refused";

    /** Looked up when read: the socket adapter itself reports to this observer, so it cannot be a constructor argument. */
    private final ObjectProvider<ChatConnections> connections;
    private volatile MeterRegistry registry;
    private volatile Timer delivery;

    public ChatSocketMetrics(ObjectProvider<ChatConnections> connections) {
        this.connections = connections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(SOCKETS_OPEN, this, ChatSocketMetrics::openSockets)
                .description("Open chat WebSocket connections on this node")
                .baseUnit("sockets")
                .register(registry);
        delivery = Timer.builder(DELIVERY_TIME)
                .description("From a committed message reaching the ticket rooms to its hand-off to the sockets' outboxes")
                .register(registry);
        this.registry = registry;
    }

    private double openSockets() {
        ChatConnections open = connections.getIfAvailable();
        return open == null ? 0 : open.openConnections();
    }

    @Override
    public void frameRefused(ErrorCode code) {
        MeterRegistry target = registry;
        if (target != null) {
            Counter.builder(FRAMES_REFUSED)
                    .description("Client frames answered with an ERROR")
                    .tag("code", code.name())
                    .register(target)
                    .increment();
        }
    }

    @Override
    public void messageHandedOff(Duration sinceCommit) {
        Timer timer = delivery;
        if (timer != null) {
            timer.record(sinceCommit);
        }
    }
}
