package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CheckTicketAccessUseCase;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.out.ChatEventListener;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.event.ChatEvent;

import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's ticket rooms, fed by committed events. The bootstrap subscribes it to the event
 * publisher; events of other nodes can arrive the same way later. {@link #onEvent} only queues the
 * event on its room, so the committing thread never waits for a socket or a history read.
 */
public final class TicketRooms implements ChatEventListener {

    private final ConcurrentHashMap<TicketId, TicketRoom> rooms = new ConcurrentHashMap<>();
    private final RoomContext context;

    TicketRooms(ListMessagesUseCase messages, CheckTicketAccessUseCase access, EventJson json, SocketWorkers workers,
                ChatWebSocketSettings settings, ChatSocketObserver observer) {
        this.context = new RoomContext(this, new RoomHistory(messages, settings.catchUpPageSize()), access, json,
                workers.executor(), settings.sendTimeLimit(), observer);
    }

    @Override
    public void onEvent(ChatEvent event) {
        TicketRoom room = rooms.get(event.ticketId());
        if (room != null) {
            room.publish(event, System.nanoTime());
        }
    }

    /** The same access check every event passes at fan-out. */
    boolean mayAccess(Caller caller, TicketId ticketId) {
        return context.access().mayAccess(caller, ticketId);
    }

    /**
     * Seats a connection in a ticket's room. The connection learns of the seat before the room does,
     * so a replay that fails at once finds the seat to release.
     *
     * @param cursor    the newest message the client already has (0 for none)
     * @param firstPage messages after the cursor read while joining, or {@code null}
     */
    void join(ChatConnection connection, TicketId ticketId, long cursor, MessagePage firstPage) {
        RoomMember member = new RoomMember(connection, ticketId, cursor);
        if (!connection.remember(member)) {
            return;
        }
        // Seating and releasing run under the map's lock for this ticket, so a member that leaves while
        // it is being seated is counted exactly once or not at all.
        TicketRoom room = rooms.compute(ticketId, (id, existing) -> {
            if (member.isDetached()) {
                return existing;
            }
            TicketRoom seating = existing == null ? new TicketRoom(id, context) : existing;
            seating.references++;
            member.seated = true;
            return seating;
        });
        if (member.seated) {
            room.attach(member, firstPage);
        }
    }

    /** @return false when the member had already left */
    boolean leave(RoomMember member) {
        if (!member.detach()) {
            return false;
        }
        rooms.computeIfPresent(member.ticketId(), (id, room) -> {
            if (!member.seated) {
                return room;
            }
            room.remove(member);
            return --room.references == 0 ? null : room;
        });
        return true;
    }

    /** Removes a member the server no longer serves and tells its socket why. */
    void evict(RoomMember member, SocketError error) {
        if (leave(member)) {
            member.connection().forget(member);
            member.connection().sendError(error);
        }
    }

    boolean hasRoom(TicketId ticketId) {
        return rooms.containsKey(ticketId);
    }

    /** Rooms with at least one member; for tests and metrics. */
    public int openRooms() {
        return rooms.size();
    }
}
