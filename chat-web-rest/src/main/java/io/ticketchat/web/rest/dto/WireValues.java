package io.ticketchat.web.rest.dto;

import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;

import java.util.Arrays;
import java.util.Locale;

/**
 * The guide's lower-case enum spellings ({@code agent}, {@code status_update}), spelled once per value:
 * every message of a page needs two of them.
 */
public final class WireValues {

    private static final String[] SENDER_TYPES = spellings(SenderType.values());
    private static final String[] PARTICIPANT_TYPES = spellings(ParticipantType.values());
    private static final String[] MESSAGE_TYPES = spellings(MessageType.values());

    private WireValues() {
    }

    public static String senderType(SenderType type) {
        return SENDER_TYPES[type.ordinal()];
    }

    public static String participantType(ParticipantType type) {
        return PARTICIPANT_TYPES[type.ordinal()];
    }

    public static String messageType(MessageType type) {
        return MESSAGE_TYPES[type.ordinal()];
    }

    private static String[] spellings(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }
}
