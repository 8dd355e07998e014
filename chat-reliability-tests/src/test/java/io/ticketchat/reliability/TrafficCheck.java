package io.ticketchat.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The delivery guarantees, checked for a set of simulated users against what the database holds. */
final class TrafficCheck {

    private final StoredMessages stored;

    TrafficCheck(StoredMessages stored) {
        this.stored = stored;
    }

    /** Acknowledged ⇒ stored exactly once, as the message the ack named. */
    void everyAckIsStoredOnce(List<SimulatedUser> users) {
        for (SimulatedUser user : users) {
            Map<Long, String> byId = stored.of(user.ticket()).stream()
                    .collect(java.util.stream.Collectors.toMap(StoredMessages.Stored::id, s -> String.valueOf(s.clientMessageId())));
            user.acked().forEach((key, id) -> {
                assertThat(stored.countOf(user.ticket(), key)).as("rows for acked %s", key).isEqualTo(1);
                assertThat(byId.get(id)).as("the acked id %d holds %s", id, key).isEqualTo(key);
            });
            for (String key : user.sent()) {
                assertThat(stored.countOf(user.ticket(), key)).as("rows for sent %s", key).isLessThanOrEqualTo(1);
            }
        }
    }

    /**
     * After every user resent its unacknowledged sends: each send is stored exactly once, and each user
     * received exactly the ticket's stored messages, in id order, across all its connections.
     */
    void resumedUsersEndWithoutGapsOrDuplicates(List<SimulatedUser> users, Duration atMost) {
        await().atMost(atMost).until(() -> users.stream().allMatch(user -> user.pending().isEmpty()));
        for (SimulatedUser user : users) {
            for (String key : user.sent()) {
                assertThat(stored.countOf(user.ticket(), key)).as("rows for %s", key).isEqualTo(1);
            }
        }
        for (SimulatedUser user : users) {
            await().atMost(atMost).until(() -> user.delivered().size() >= stored.idsOf(user.ticket()).size());
            assertThat(user.delivered()).as("what a resumed user received").isEqualTo(stored.idsOf(user.ticket()));
        }
    }
}
