package io.ticketchat.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The delivery guarantees, checked for a set of simulated users against what the database holds. */
final class TrafficCheck {

    private final StoredMessages stored;

    TrafficCheck(StoredMessages stored) {
        this.stored = stored;
    }

    /** Acknowledged ⇒ stored exactly once, as the message the ack named; nothing sent is stored twice. */
    void everyAckIsStoredOnce(List<SimulatedUser> users) {
        Map<Long, Map<String, List<Long>>> byTicket = rowsByKey(users);
        for (SimulatedUser user : users) {
            Map<String, List<Long>> rows = byTicket.get(user.ticket());
            user.acked().forEach((key, id) ->
                    assertThat(rows.getOrDefault(key, List.of())).as("rows of the acked send %s", key).containsExactly(id));
            for (String key : user.sent()) {
                assertThat(rows.getOrDefault(key, List.of())).as("rows of the send %s", key).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    /**
     * After every user resent its unacknowledged sends: each send is stored exactly once, and each user
     * received exactly the ticket's stored messages, in id order, across all its connections.
     */
    void resumedUsersEndWithoutGapsOrDuplicates(List<SimulatedUser> users, Duration atMost) {
        await().atMost(atMost).until(() -> users.stream().allMatch(user -> user.pending().isEmpty()));
        Map<Long, Map<String, List<Long>>> byTicket = rowsByKey(users);
        for (SimulatedUser user : users) {
            Map<String, List<Long>> rows = byTicket.get(user.ticket());
            for (String key : user.sent()) {
                assertThat(rows.getOrDefault(key, List.of())).as("rows of the send %s", key).hasSize(1);
            }
        }
        Map<Long, List<Long>> idsByTicket = users.stream().map(SimulatedUser::ticket).distinct()
                .collect(Collectors.toMap(ticket -> ticket, stored::idsOf));
        for (SimulatedUser user : users) {
            List<Long> expected = idsByTicket.get(user.ticket());
            await().atMost(atMost).until(() -> user.delivered().size() >= expected.size());
            assertThat(user.delivered()).as("what a resumed user received").isEqualTo(expected);
        }
    }

    private Map<Long, Map<String, List<Long>>> rowsByKey(List<SimulatedUser> users) {
        return users.stream().map(SimulatedUser::ticket).distinct().collect(Collectors.toMap(ticket -> ticket,
                ticket -> stored.of(ticket).stream().filter(row -> row.clientMessageId() != null)
                        .collect(Collectors.groupingBy(StoredMessages.Stored::clientMessageId,
                                Collectors.mapping(StoredMessages.Stored::id, Collectors.toList())))));
    }
}
