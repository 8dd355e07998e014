package io.ticketchat.web.rest.dto;

import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;

import java.util.Locale;

/** The guide's lower-case enum spellings ({@code agent}, {@code status_update}). */
public final class WireValues {

    private WireValues() {
    }

    public static String senderType(SenderType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    public static String participantType(ParticipantType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    public static String messageType(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
