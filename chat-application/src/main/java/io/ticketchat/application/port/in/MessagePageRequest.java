package io.ticketchat.application.port.in;

import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.MessageId;

/**
 * Which slice of a ticket's history to read, always returned oldest first.
 * <ul>
 *   <li>neither bound: the latest {@code limit} messages;</li>
 *   <li>{@code beforeId}: the {@code limit} messages just before it (scrolling up);</li>
 *   <li>{@code afterId}: the first {@code limit} messages after it (catching up), optionally below {@code beforeId}.</li>
 *   <li>{@code fromStart}: the first {@code limit} messages of the ticket, optionally below {@code beforeId}:
 *       reading a whole conversation forward one bounded page at a time.</li>
 * </ul>
 *
 * @param beforeId  exclusive upper bound or {@code null}
 * @param afterId   exclusive lower bound or {@code null}
 * @param fromStart read forward from the first message (no lower bound); only without {@code afterId}
 */
public record MessagePageRequest(MessageId beforeId, MessageId afterId, int limit, boolean fromStart) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public MessagePageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (beforeId != null && afterId != null && !beforeId.isAfter(afterId)) {
            throw new DomainValidationException("beforeId", "must be greater than afterId");
        }
        if (fromStart && afterId != null) {
            throw new DomainValidationException("afterId", "reading from the start takes no afterId");
        }
    }

    public MessagePageRequest(MessageId beforeId, MessageId afterId, int limit) {
        this(beforeId, afterId, limit, false);
    }

    /** The first {@code limit} messages of the ticket, below {@code beforeId} when it is given. */
    public static MessagePageRequest fromStart(MessageId beforeId, int limit) {
        return new MessagePageRequest(beforeId, null, limit, true);
    }

    public static MessagePageRequest latest(int limit) {
        return new MessagePageRequest(null, null, limit);
    }

    public static MessagePageRequest after(MessageId afterId, int limit) {
        return new MessagePageRequest(null, afterId, limit);
    }

    public static MessagePageRequest before(MessageId beforeId, int limit) {
        return new MessagePageRequest(beforeId, null, limit);
    }

    /** Pages forward (oldest first from a lower bound) rather than back from the newest. */
    public boolean readsForward() {
        return afterId != null || fromStart;
    }
}
