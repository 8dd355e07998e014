package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.CountUnreadMessagesQuery;
import io.ticketchat.application.port.in.CountUnreadMessagesUseCase;
import io.ticketchat.application.port.in.IdentityClaim;
import io.ticketchat.application.port.in.ListMessagesQuery;
import io.ticketchat.application.port.in.ListMessagesUseCase;
import io.ticketchat.application.port.in.MarkMessagesReadCommand;
import io.ticketchat.application.port.in.MarkMessagesReadUseCase;
import io.ticketchat.application.port.in.MessagePage;
import io.ticketchat.application.port.in.MessagePageRequest;
import io.ticketchat.application.port.in.PostMessageCommand;
import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.in.PostedMessage;
import io.ticketchat.application.port.in.ReadReceipt;
import io.ticketchat.domain.ClientMessageId;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.MessageId;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SenderType;
import io.ticketchat.domain.TicketId;
import io.ticketchat.web.rest.dto.ChatMessageJson;
import io.ticketchat.web.rest.dto.MarkReadRequest;
import io.ticketchat.web.rest.dto.MessageListResponse;
import io.ticketchat.web.rest.dto.MessageResponse;
import io.ticketchat.web.rest.dto.PostMessageRequest;
import io.ticketchat.web.rest.dto.ReadReceiptResponse;
import io.ticketchat.web.rest.dto.UnreadCountResponse;
import io.ticketchat.web.rest.openapi.MessagesApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The guide's message endpoints. Path and query values arrive as text and are parsed here so that a
 * bad one is reported under its own name like any other field.
 */
@RestController
@RequestMapping(path = ChatApiPaths.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class ChatMessagesController implements MessagesApi {

    private final ListMessagesUseCase listMessages;
    private final PostMessageUseCase postMessage;
    private final MarkMessagesReadUseCase markRead;
    private final CountUnreadMessagesUseCase countUnread;

    public ChatMessagesController(ListMessagesUseCase listMessages, PostMessageUseCase postMessage,
                                  MarkMessagesReadUseCase markRead, CountUnreadMessagesUseCase countUnread) {
        this.listMessages = listMessages;
        this.postMessage = postMessage;
        this.markRead = markRead;
        this.countUnread = countUnread;
    }

    @Override
    @GetMapping("/messages/{ticketId}")
    public MessageListResponse listMessages(Caller caller, @PathVariable String ticketId,
                                            @RequestParam(required = false) String beforeId,
                                            @RequestParam(required = false) String afterId,
                                            @RequestParam(required = false) String limit) {
        RequestFields fields = new RequestFields();
        TicketId ticket = fields.required("ticketId", ticketId, WireParsers::ticketId);
        MessageId before = fields.optional("beforeId", beforeId, WireParsers::messageId);
        // afterId=0 reads from the start, forward, one page at a time.
        Long after = fields.optional("afterId", afterId, WireParsers::messageCursor);
        Integer size = fields.optional("limit", limit, WireParsers::limit);
        fields.requireValid();
        MessagePageRequest page = pageRequest(before, after, size == null ? MessagePageRequest.DEFAULT_LIMIT : size);
        MessagePage found = listMessages.listMessages(new ListMessagesQuery(caller, ticket, page));
        return MessageListResponse.of(found, page.limit());
    }

    @Override
    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MessageResponse> postMessage(Caller caller, @RequestBody PostMessageRequest body) {
        RequestFields fields = new RequestFields();
        TicketId ticket = fields.required("ticketId", body.ticketId(), TicketId::of);
        MessageText text = fields.required("message", body.message(), MessageText::of);
        MessageType type = fields.optional("messageType", body.messageType(), WireParsers::clientMessageType);
        SenderType claimedType = fields.optional("senderType", body.senderType(), WireParsers::senderType);
        Long claimedId = fields.optional("senderId", body.senderId(), WireParsers::userId);
        MessageId parent = fields.optional("parentMessageId", body.parentMessageId(), MessageId::of);
        ClientMessageId clientMessageId = fields.optional("clientMessageId", body.clientMessageId(), ClientMessageId::of);
        fields.requireValid();

        IdentityClaim claim = new IdentityClaim(claimedId, claimedType, body.senderName());
        PostMessageCommand command = new PostMessageCommand(caller, ticket, text, type, parent, clientMessageId, claim);
        PostedMessage posted = ClaimedFields.SENDER.call(() -> postMessage.postMessage(command));
        ChatMessageJson message = ChatMessageJson.of(posted.message());
        return posted.created()
                ? ResponseEntity.status(HttpStatus.CREATED).body(MessageResponse.added(message))
                : ResponseEntity.ok(MessageResponse.alreadyAdded(message));
    }

    @Override
    @PutMapping(path = "/messages/read/{ticketId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ReadReceiptResponse markRead(Caller caller, @PathVariable String ticketId,
                                        @RequestBody(required = false) MarkReadRequest body) {
        MarkReadRequest request = body == null ? new MarkReadRequest(null, null) : body;
        RequestFields fields = new RequestFields();
        TicketId ticket = fields.required("ticketId", ticketId, WireParsers::ticketId);
        Long claimedId = fields.optional("userId", request.userId(), WireParsers::userId);
        ParticipantType claimedType = fields.optional("userType", request.userType(), WireParsers::participantType);
        fields.requireValid();

        IdentityClaim claim = IdentityClaim.of(claimedId, claimedType, null);
        ReadReceipt receipt = ClaimedFields.USER.call(() -> markRead.markRead(new MarkMessagesReadCommand(caller, ticket, claim)));
        return ReadReceiptResponse.of(ticket, receipt);
    }

    @Override
    @GetMapping("/unread/{ticketId}/{userType}")
    public UnreadCountResponse countUnread(Caller caller, @PathVariable String ticketId, @PathVariable String userType) {
        RequestFields fields = new RequestFields();
        TicketId ticket = fields.required("ticketId", ticketId, WireParsers::ticketId);
        ParticipantType reader = fields.required("userType", userType, WireParsers::participantType);
        fields.requireValid();
        return UnreadCountResponse.of(countUnread.countUnread(new CountUnreadMessagesQuery(caller, ticket, reader)));
    }

    private static MessagePageRequest pageRequest(MessageId before, Long after, int limit) {
        try {
            if (after != null && after == 0) {
                return MessagePageRequest.fromStart(before, limit);
            }
            return new MessagePageRequest(before, after == null ? null : MessageId.of(after), limit);
        } catch (DomainValidationException e) {
            throw InvalidRequestException.of(e.field(), e.reason());
        }
    }
}
