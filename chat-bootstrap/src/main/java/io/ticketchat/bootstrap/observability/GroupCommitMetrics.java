package io.ticketchat.bootstrap.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticketchat.persistence.jooq.GroupCommit;

/**
 * The group commit's meters: {@code chat.group-commit.batches} and {@code chat.group-commit.messages}
 * (their ratio is the mean batch size: near 1 at low load, larger as load grows) and
 * {@code chat.group-commit.queued}, the messages waiting for a writer, which grows when the database
 * falls behind.
 */
public class GroupCommitMetrics implements MeterBinder {

    public static final String BATCHES = "chat.group-commit.batches";
    public static final String MESSAGES = "chat.group-commit.messages";
    public static final String QUEUED = "chat.group-commit.queued";

    private final GroupCommit groupCommit;

    public GroupCommitMetrics(GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(BATCHES, groupCommit, GroupCommit::batches)
                .description("Transactions in which the group commit's writers stored sent messages")
                .register(registry);
        FunctionCounter.builder(MESSAGES, groupCommit, GroupCommit::messagesWritten)
                .description("Sent messages the group commit's writers handled: stored, or found as the original of a repeat")
                .baseUnit("messages")
                .register(registry);
        Gauge.builder(QUEUED, groupCommit, GroupCommit::queued)
                .description("Sent messages waiting for a group commit writer")
                .baseUnit("messages")
                .register(registry);
    }
}
