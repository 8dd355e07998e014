package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.domain.event.ChatEvent;
import io.ticketchat.domain.event.MessagePosted;
import io.ticketchat.domain.event.MessagesRead;
import io.ticketchat.domain.event.TypingStarted;
import io.ticketchat.domain.event.TypingStopped;
import org.springframework.web.socket.TextMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sockets that joined one ticket, and the order in which they hear of it.
 *
 * <p>Every change to the room and every event runs on the room's own serial queue, so each member
 * sees one ordered stream. Messages reach a member strictly in id order, each once: a member
 * remembers the last id it was sent; an event at or below it is a duplicate and dropped; an event
 * whose {@code previousMessageId} lies above it reveals a gap, which is filled from history before the
 * event goes out.
 *
 * <p>Events come in commit order: the group commit announces a batch's messages from its writer thread
 * after the commit, in id order per ticket, so the room sends each event as it comes. The gap rule stays
 * for the events that can still come out of order or not at all: messages committed one transaction
 * each ({@code chat.group-commit.writers=0}), whose after-commit events leave from their senders'
 * threads, and an event lost to a failed listener.
 *
 * <p>A member that joins with {@code lastMessageId} first replays history on a job of its own,
 * paced by its socket, while the room keeps the live events meant for it; the job then queues the
 * switch to live delivery on the room, where the kept events pass the same duplicate and gap rules.
 * A slow replay therefore never holds up the rest of the room.
 */
final class TicketRoom {

    /** Beyond this many kept events at the switch to live, another round of replay is cheaper. */
    private static final int MAX_PENDING_AT_SWITCH = 32;

    private final TicketId ticketId;
    private final RoomContext context;
    private final SerialExecutor serial;
    private final Set<RoomMember> members = new LinkedHashSet<>();

    /** Members attached and not yet released; guarded by the rooms map's per-key lock. */
    int references;

    TicketRoom(TicketId ticketId, RoomContext context) {
        this.ticketId = ticketId;
        this.context = context;
        this.serial = new SerialExecutor(context.workers());
    }

    void attach(RoomMember member, MessagePage firstPage) {
        serial.execute(() -> {
            if (!member.isDetached()) {
                members.add(member);
                context.workers().execute(() -> catchUp(member, firstPage));
            }
        });
    }

    void remove(RoomMember member) {
        serial.execute(() -> members.remove(member));
    }

    /** @param arrivedNanos when the committed event reached the rooms ({@link System#nanoTime()}) */
    void publish(ChatEvent event, long arrivedNanos) {
        serial.execute(() -> fanOut(event, arrivedNanos));
    }

    private void fanOut(ChatEvent event, long arrivedNanos) {
        switch (event) {
            case MessagePosted posted -> {
                deliver(posted);
                context.observer().messageHandedOff(Duration.ofNanos(System.nanoTime() - arrivedNanos));
            }
            case TypingStarted started -> sendToOthers(started.typing().type(), started.typing().userId(),
                    context.json().write(ServerEvents.typing(started)));
            case TypingStopped stopped -> sendToOthers(stopped.type(), stopped.userId(),
                    context.json().write(ServerEvents.stoppedTyping(stopped)));
            case MessagesRead read -> sendToOthers(null, null, context.json().write(ServerEvents.messagesRead(read)));
            default -> {
                // Sessions opening or closing and people joining or leaving have no socket event.
            }
        }
    }

    private void deliver(MessagePosted event) {
        TextMessage frame = context.json().write(ServerEvents.newMessage(event.message()));
        for (RoomMember member : admitted()) {
            if (member.live) {
                deliverLive(member, event, frame);
            } else {
                member.keepForLater(event);
            }
        }
    }

    private void deliverLive(RoomMember member, MessagePosted event, TextMessage frame) {
        long id = event.message().id().value();
        if (id <= member.cursor) {
            return;
        }
        if (event.previousMessageId() != null && event.previousMessageId().value() > member.cursor) {
            try {
                for (Message missed : context.history().between(member.caller(), ticketId, member.cursor, event.message().id())) {
                    member.sendLive(context.json().write(ServerEvents.newMessage(missed)));
                    member.cursor = missed.id().value();
                }
            } catch (RuntimeException failed) {
                context.rooms().evict(member, SocketErrors.of(failed).about(ticketId.value()));
                return;
            }
        }
        member.sendLive(frame);
        member.cursor = id;
    }

    /** Typing and read receipts: to everyone, or to everyone but the person they are about. */
    private void sendToOthers(ParticipantType type, UserId userId, TextMessage frame) {
        for (RoomMember member : admitted()) {
            boolean self = type != null && member.caller().type() == type && member.caller().userId().equals(userId);
            if (!self) {
                member.sendLive(frame);
            }
        }
    }

    /** Members still entitled to this ticket; access is asked again for every event. */
    private List<RoomMember> admitted() {
        List<RoomMember> admitted = new ArrayList<>(members.size());
        for (RoomMember member : List.copyOf(members)) {
            if (member.isDetached()) {
                members.remove(member);
            } else if (!context.access().mayAccess(member.caller(), ticketId)) {
                members.remove(member);
                context.rooms().evict(member, SocketErrors.accessEnded(ticketId.value()));
            } else {
                admitted.add(member);
            }
        }
        return admitted;
    }

    /** Runs off the room's queue: replays history after the member's cursor, paced by its socket. */
    private void catchUp(RoomMember member, MessagePage firstPage) {
        try {
            MessagePage page = firstPage;
            boolean readSinceJoin = false;
            while (!member.isDetached()) {
                if (page == null) {
                    page = context.history().after(member.caller(), ticketId, member.cursor);
                    readSinceJoin = true;
                }
                for (Message message : page.messages()) {
                    if (message.id().value() > member.cursor) {
                        if (!member.sendPaced(context.json().write(ServerEvents.newMessage(message)), context.patience())) {
                            return;
                        }
                        member.cursor = message.id().value();
                    }
                }
                // The page handed over at join time predates the member's seat in the room: always read once more.
                if (readSinceJoin && !page.hasMore()) {
                    break;
                }
                page = null;
            }
            serial.execute(() -> goLive(member));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            serial.execute(() -> {
                members.remove(member);
                context.rooms().evict(member, SocketErrors.of(failed).about(ticketId.value()));
            });
        }
    }

    private void goLive(RoomMember member) {
        if (member.isDetached()) {
            return;
        }
        if (member.pendingOverflowed || member.pending.size() > MAX_PENDING_AT_SWITCH) {
            member.pending.clear();
            member.pendingOverflowed = false;
            context.workers().execute(() -> catchUp(member, null));
            return;
        }
        member.live = true;
        for (MessagePosted kept : member.pending) {
            deliverLive(member, kept, context.json().write(ServerEvents.newMessage(kept.message())));
        }
        member.pending.clear();
    }
}
