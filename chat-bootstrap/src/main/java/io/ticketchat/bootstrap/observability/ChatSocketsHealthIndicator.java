package io.ticketchat.bootstrap.observability;

import io.ticketchat.web.socket.ChatConnections;
import io.ticketchat.web.socket.TicketRooms;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The socket side's health ({@code chatSockets}): up while the endpoint admits sockets and its
 * heartbeat runs; out of service once shutdown has begun closing them, so a load balancer stops
 * sending new clients here.
 */
public class ChatSocketsHealthIndicator extends AbstractHealthIndicator {

    private final ChatConnections connections;
    private final TicketRooms rooms;

    public ChatSocketsHealthIndicator(ChatConnections connections, TicketRooms rooms) {
        super("Chat WebSocket health check failed");
        this.connections = connections;
        this.rooms = rooms;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (connections.isRunning() ? builder.up() : builder.outOfService())
                .withDetail("openSockets", connections.openConnections())
                .withDetail("openRooms", rooms.openRooms());
    }
}
