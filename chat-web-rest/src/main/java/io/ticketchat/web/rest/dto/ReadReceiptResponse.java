package io.ticketchat.web.rest.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.application.port.in.ReadReceipt;
import io.ticketchat.domain.TicketId;
import io.ticketchat.web.rest.ChatJsonBody;
import io.ticketchat.web.rest.Timestamps;

/** Answer to marking messages read (the guide leaves it open). */
@Schema(name = "ReadReceiptResponse")
public record ReadReceiptResponse(
        @Schema(example = "true") boolean success,
        @Schema(example = "Messages marked as read") String message,
        Data data) implements ChatJsonBody {

    @Schema(name = "ReadReceipt")
    public record Data(
            long ticketId,
            @Schema(allowableValues = {"agent", "customer"}) String userType,
            @Schema(description = "How many messages became read by this call") int markedCount,
            @Schema(nullable = true, description = "The newest message now read; null when nothing was unread") Long upToMessageId,
            @Schema(example = "2024-01-15T10:31:00.000Z") String readAt) {
    }

    public static ReadReceiptResponse of(TicketId ticketId, ReadReceipt receipt) {
        Long upTo = receipt.upToMessageId() == null ? null : receipt.upToMessageId().value();
        return new ReadReceiptResponse(true, "Messages marked as read", new Data(ticketId.value(),
                WireValues.participantType(receipt.readerType()), receipt.markedCount(), upTo, Timestamps.format(receipt.readAt())));
    }
}
