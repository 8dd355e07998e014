package io.ticketchat.application.port.in;

import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.ParticipantType;

import java.time.Instant;

/**
 * @param markedCount   how many messages became read
 * @param upToMessageId the newest message now read, or {@code null} when nothing was unread
 */
public record ReadReceipt(ParticipantType readerType, int markedCount, MessageId upToMessageId, Instant readAt) {
}
