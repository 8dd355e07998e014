package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.out.MessageRepository;
import io.ticketchat.application.testing.InMemoryMessageRepository;
import io.ticketchat.domain.DisplayName;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.NewMessage;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.Sender;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.domain.event.MessagePosted;
import io.ticketchat.web.socket.testing.ChatSocket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every member of a room gets every message of the ticket once, in id order, however events arrive. */
class DeliveryOrderTest extends SocketTestSupport {

    @Test
    void aClientThatResumesWhileAnotherSends100MessagesGetsExactlyThose100InOrder() throws Exception {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        String customer = customer("John Doe", ticket);
        ChatSocket before = joined(customer, ticket);
        Message seen = post(agent, ticket, "before the drop");
        before.awaitFrame(f -> f.path("messageId").asLong() == seen.id().value());
        before.close();
        ChatSocket agentSocket = joined(agent, ticket);

        try (ExecutorService sender = Executors.newSingleThreadExecutor()) {
            Future<?> sending = sender.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    agentSocket.send(sendFrame(ticket, "message " + i, "m-" + i));
                }
            });
            await().until(() -> agentSocket.ofType("MESSAGE_ACK").size() >= 30);
            ChatSocket resumed = connect(customer);
            resumed.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"lastMessageId\":" + seen.id().value() + "}");
            sending.get();

            await().atMost(Duration.ofSeconds(20)).until(() -> agentSocket.ofType("MESSAGE_ACK").size() == 100);
            List<Long> acked = agentSocket.ofType("MESSAGE_ACK").stream().map(a -> a.path("messageId").asLong()).toList();
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.messageIds(ticket).size() >= 100);
            resumed.send("{\"type\":\"PING\"}");
            resumed.awaitType("PONG");
            assertThat(resumed.messageIds(ticket)).containsExactlyElementsOf(acked);
            assertThat(resumed.ofType("NEW_MESSAGE").getFirst().path("message").asString()).isEqualTo("message 0");
            assertThat(resumed.received().getFirst().path("type").asString()).isEqualTo("JOINED_ROOM");
        }
    }

    @Test
    void concurrentSendersAreDeliveredToEveryoneInIdOrderWithoutGapsOrDuplicates() throws Exception {
        long ticket = newTicket();
        String customer = customer("John Doe", ticket);
        List<String> senders = List.of(agent("Agent A"), agent("Agent B"), agent("Agent C"), customer);
        ChatSocket watcherOne = joined(agent("Watcher One"), ticket);
        ChatSocket watcherTwo = joined(customer, ticket);

        try (ExecutorService pool = Executors.newFixedThreadPool(senders.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (String sender : senders) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        post(sender, ticket, sender + " says " + i);
                    }
                }));
            }
            for (Future<?> done : running) {
                done.get();
            }
        }

        List<Long> stored = storedIds(ticket);
        assertThat(stored).hasSize(160);
        for (ChatSocket watcher : List.of(watcherOne, watcherTwo)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> watcher.messageIds(ticket).size() >= 160);
            watcher.send("{\"type\":\"PING\"}");
            watcher.awaitType("PONG");
            assertThat(watcher.messageIds(ticket)).containsExactlyElementsOf(stored);
        }
    }

    @Test
    void anEventThatOvertakesItsPredecessorsIsPrecededByThem() {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        List<MessageRepository.Appended> silent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            silent.add(core.messageRepository.append(draft(ticket, "silent " + i)));
        }

        core.events.publish(posted(silent.get(3)));
        await().until(() -> watcher.messageIds(ticket).size() == 4);
        silent.forEach(appended -> core.events.publish(posted(appended)));
        Message next = post(agent("Agent Smith"), ticket, "after the late events");

        await().until(() -> watcher.messageIds(ticket).size() >= 5);
        watcher.send("{\"type\":\"PING\"}");
        watcher.awaitType("PONG");
        assertThat(watcher.messageIds(ticket)).containsExactly(
                silent.get(0).message().id().value(), silent.get(1).message().id().value(),
                silent.get(2).message().id().value(), silent.get(3).message().id().value(), next.id().value());
    }

    @Test
    void anEventWhosePredecessorNeverComesIsSentWithTheGapFilledFromHistory() {
        long ticket = newTicket();
        ChatSocket watcher = joined(agent("Watcher"), ticket);
        Message opening = post(agent("Agent Smith"), ticket, "opening");
        await().until(() -> watcher.messageIds(ticket).size() == 1);
        MessageRepository.Appended silent = core.messageRepository.append(draft(ticket, "committed, event lost"));
        MessageRepository.Appended next = core.messageRepository.append(draft(ticket, "the next one"));

        core.events.publish(posted(next));

        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.messageIds(ticket).size() == 3);
        assertThat(watcher.messageIds(ticket)).containsExactly(opening.id().value(), silent.message().id().value(),
                next.message().id().value());
    }

    @Test
    void resumingFromZeroReplaysTheWholeConversationAcrossPages() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        for (int i = 0; i < 20; i++) {
            post(agent, ticket, "history " + i);
        }
        ChatSocket socket = connect(customer("John Doe", ticket));

        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"lastMessageId\":0}");

        await().until(() -> socket.messageIds(ticket).size() >= 20);
        List<InMemoryMessageRepository.PageRead> reads = core.messageRepository.pagesRead(TicketId.of(ticket));
        assertThat(socket.messageIds(ticket)).containsExactlyElementsOf(storedIds(ticket));
        // Page by page forward from the first message: never the whole conversation at once, nor collected backwards.
        assertThat(reads).hasSizeGreaterThan(2).allSatisfy(read -> {
            assertThat(read.request().readsForward()).isTrue();
            assertThat(read.rows()).isLessThanOrEqualTo(read.request().limit() + 1).isLessThan(20);
        });
        assertThat(reads.getFirst().request().fromStart()).isTrue();
    }

    @Test
    void resumingReplaysOnlyWhatWasMissedAcrossPages() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        Message last = null;
        for (int i = 0; i < 10; i++) {
            last = post(agent, ticket, "seen " + i);
        }
        for (int i = 0; i < 30; i++) {
            post(agent, ticket, "missed " + i);
        }
        ChatSocket socket = connect(customer("John Doe", ticket));

        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"lastMessageId\":" + last.id().value() + "}");

        List<Long> missed = storedIds(ticket).subList(10, 40);
        await().until(() -> socket.messageIds(ticket).size() >= 30);
        Message live = post(agent, ticket, "live");
        await().until(() -> socket.messageIds(ticket).size() >= 31);
        List<Long> expected = new ArrayList<>(missed);
        expected.add(live.id().value());
        assertThat(socket.messageIds(ticket)).containsExactlyElementsOf(expected);
    }

    @Test
    void joiningWithoutResumeDeliversOnlyNewMessages() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        post(agent, ticket, "old");
        ChatSocket socket = joined(customer("John Doe", ticket), ticket);

        Message fresh = post(agent, ticket, "new");

        await().until(() -> !socket.messageIds(ticket).isEmpty());
        assertThat(socket.messageIds(ticket)).containsExactly(fresh.id().value());
    }

    @Test
    void joiningTwiceOnOneSocketReplaysNothingTwice() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        Message first = post(agent, ticket, "one");
        post(agent, ticket, "two");
        ChatSocket socket = connect(customer("John Doe", ticket));
        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"lastMessageId\":0}");
        await().until(() -> socket.messageIds(ticket).size() == 2);

        socket.send("{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"lastMessageId\":" + first.id().value() + "}");
        await().until(() -> socket.ofType("JOINED_ROOM").size() == 2);
        Message third = post(agent, ticket, "three");

        await().until(() -> socket.messageIds(ticket).size() >= 3);
        socket.send("{\"type\":\"PING\"}");
        socket.awaitType("PONG");
        assertThat(socket.messageIds(ticket)).endsWith(third.id().value()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aReplayThatCannotReadTheStoreSaysSoAndARetriedJoinDeliversTheRest() {
        long ticket = newTicket();
        String agent = agent("Agent Smith");
        Message seen = post(agent, ticket, "seen");
        List<Long> missed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            missed.add(post(agent, ticket, "missed " + i).id().value());
        }
        ChatSocket socket = connect(customer("John Doe", ticket));

        SocketTestApplication.historyDown = true;
        try {
            socket.send(join(ticket, seen.id().value()));
            JsonNode error = socket.awaitType("ERROR");
            assertThat(error.path("code").asString()).isEqualTo("UNAVAILABLE");
            assertThat(error.path("ticketId").asLong()).isEqualTo(ticket);
        } finally {
            SocketTestApplication.historyDown = false;
        }
        // As a client does: resume from the newest message it holds, which may include part of the failed replay.
        long newest = socket.messageIds(ticket).stream().mapToLong(Long::longValue).max().orElse(seen.id().value());
        socket.send(join(ticket, newest));
        await().until(() -> socket.ofType("JOINED_ROOM").size() == 2);
        Message live = post(agent, ticket, "live");

        await().until(() -> socket.messageIds(ticket).size() >= 21);
        socket.send("{\"type\":\"PING\"}");
        socket.awaitType("PONG");
        List<Long> expected = new ArrayList<>(missed);
        expected.add(live.id().value());
        assertThat(socket.messageIds(ticket)).containsExactlyElementsOf(expected);
    }

    private static String join(long ticket, long lastMessageId) {
        return "{\"type\":\"JOIN_TICKET\",\"ticketId\":" + ticket + ",\"lastMessageId\":" + lastMessageId + "}";
    }

    private List<Long> storedIds(long ticket) {
        return core.messageRepository.page(TicketId.of(ticket),
                        MessagePageRequest.latest(500)).stream()
                .map(m -> m.id().value()).toList();
    }

    private NewMessage draft(long ticket, String text) {
        return new NewMessage(TicketId.of(ticket), Sender.person(ParticipantType.AGENT, UserId.of(7), DisplayName.of("Agent Seven")),
                MessageText.of(text), MessageType.TEXT, null, null, core.clock.instant());
    }

    private static MessagePosted posted(MessageRepository.Appended appended) {
        return new MessagePosted(appended.message(), appended.previousMessageId());
    }

}
