package io.ticketchat.web.rest.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketchat.application.port.in.Caller;
import io.ticketchat.web.rest.dto.MarkReadRequest;
import io.ticketchat.web.rest.dto.MessageListResponse;
import io.ticketchat.web.rest.dto.MessageResponse;
import io.ticketchat.web.rest.dto.PostMessageRequest;
import io.ticketchat.web.rest.dto.ReadReceiptResponse;
import io.ticketchat.web.rest.dto.UnreadCountResponse;
import org.springframework.http.ResponseEntity;

/** The API description of the message endpoints; error responses are added by {@link ChatOpenApiCustomizer}. */
@Tag(name = "Messages", description = "A ticket's conversation")
public interface MessagesApi {

    @Operation(operationId = "listMessages", summary = "Get a ticket's chat messages",
            description = "Without paging parameters: the latest 100 messages, oldest first, as the guide answers. "
                    + "beforeId pages back, afterId pages forward (afterId=0 from the start); limit is 1 to 500.")
    @ApiResponse(responseCode = "200", description = "Messages oldest first, with the ticket and a paging block",
            content = @Content(schema = @Schema(implementation = MessageListResponse.class),
                    examples = @ExampleObject(name = "guide", value = ApiExamples.MESSAGE_LIST)))
    MessageListResponse listMessages(
            Caller caller,
            @Parameter(description = "The ticket", example = "1", schema = @Schema(type = "integer", format = "int32", minimum = "1"))
            String ticketId,
            @Parameter(description = "Only messages with a smaller id (scroll back)", schema = @Schema(type = "integer", format = "int64", minimum = "1"))
            String beforeId,
            @Parameter(description = "Only messages with a greater id (catch up); 0 reads forward from the first message",
                    schema = @Schema(type = "integer", format = "int64", minimum = "0"))
            String afterId,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
            String limit);

    @Operation(operationId = "postMessage", summary = "Add a chat message",
            description = "201 for a new message; 200 with the original message when the same sender repeats a clientMessageId "
                    + "on the same ticket. Identity fields must match the authenticated caller (403 otherwise).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PostMessageRequest.class),
                            examples = @ExampleObject(name = "guide", value = ApiExamples.POST_MESSAGE_REQUEST))))
    @ApiResponse(responseCode = "201", description = "Message stored and announced to the ticket's room",
            content = @Content(schema = @Schema(implementation = MessageResponse.class),
                    examples = @ExampleObject(name = "guide", value = ApiExamples.POST_MESSAGE_RESPONSE)))
    @ApiResponse(responseCode = "200", description = "Idempotent repeat: the original message, nothing stored",
            content = @Content(schema = @Schema(implementation = MessageResponse.class)))
    ResponseEntity<MessageResponse> postMessage(Caller caller, PostMessageRequest body);

    @Operation(operationId = "markRead", summary = "Mark the other side's messages on a ticket as read",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(schema = @Schema(implementation = MarkReadRequest.class),
                            examples = @ExampleObject(name = "guide", value = ApiExamples.MARK_READ_REQUEST))))
    @ApiResponse(responseCode = "200", description = "What became read",
            content = @Content(schema = @Schema(implementation = ReadReceiptResponse.class),
                    examples = @ExampleObject(name = "receipt", value = ApiExamples.MARK_READ_RESPONSE)))
    ReadReceiptResponse markRead(
            Caller caller,
            @Parameter(description = "The ticket", example = "1", schema = @Schema(type = "integer", format = "int32", minimum = "1"))
            String ticketId,
            MarkReadRequest body);

    @Operation(operationId = "countUnread", summary = "Count the messages a side has not read yet",
            description = "userType must be the caller's own side.")
    @ApiResponse(responseCode = "200", description = "The unread count",
            content = @Content(schema = @Schema(implementation = UnreadCountResponse.class),
                    examples = @ExampleObject(name = "guide", value = ApiExamples.UNREAD_COUNT)))
    UnreadCountResponse countUnread(
            Caller caller,
            @Parameter(description = "The ticket", example = "1", schema = @Schema(type = "integer", format = "int32", minimum = "1"))
            String ticketId,
            @Parameter(description = "Whose unread messages", schema = @Schema(allowableValues = {"agent", "customer"}))
            String userType);
}
