package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.event.MessagePosted;
import org.springframework.web.socket.TextMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One socket's seat in one ticket's room, and how far its delivery has got.
 *
 * <p>Threading: {@link #cursor}, {@link #live} and {@link #pending} belong to the room's serial
 * queue, except while the member is catching up, when the catch-up job owns {@link #cursor} and the
 * room only appends to {@link #pending}. The job hands the cursor back by queueing the switch to live
 * delivery on the room, which orders its writes before the room's next reads.
 */
final class RoomMember {

    /** Live events kept while catching up; beyond this the member re-reads history instead. */
    static final int MAX_PENDING = 1_000;

    private final ChatConnection connection;
    private final TicketId ticketId;
    private final AtomicBoolean detached = new AtomicBoolean();

    /** Whether the room counts this member; guarded by the rooms map's lock for the ticket. */
    boolean seated;

    /** The newest message id this member was sent; 0 before the first. */
    long cursor;
    boolean live;
    final List<MessagePosted> pending = new ArrayList<>();
    boolean pendingOverflowed;

    RoomMember(ChatConnection connection, TicketId ticketId, long cursor) {
        this.connection = connection;
        this.ticketId = ticketId;
        this.cursor = cursor;
    }

    ChatConnection connection() {
        return connection;
    }

    Caller caller() {
        return connection.caller();
    }

    TicketId ticketId() {
        return ticketId;
    }

    /** @return true only for the call that actually detached it */
    boolean detach() {
        return detached.compareAndSet(false, true);
    }

    boolean isDetached() {
        return detached.get();
    }

    void keepForLater(MessagePosted event) {
        if (pending.size() < MAX_PENDING) {
            pending.add(event);
        } else {
            pendingOverflowed = true;
        }
    }

    void sendLive(TextMessage frame) {
        if (!isDetached()) {
            connection.offer(frame);
        }
    }

    boolean sendPaced(TextMessage frame, Duration patience) throws InterruptedException {
        return !isDetached() && connection.offerPaced(frame, patience);
    }
}
