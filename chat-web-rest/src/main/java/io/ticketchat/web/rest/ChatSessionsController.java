package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.IdentityClaim;
import io.ticketchat.application.port.in.OpenChatSessionCommand;
import io.ticketchat.application.port.in.OpenChatSessionUseCase;
import io.ticketchat.application.port.in.SessionMembership;
import io.ticketchat.application.port.in.UpdateSessionTypingCommand;
import io.ticketchat.application.port.in.UpdateSessionTypingUseCase;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.web.rest.dto.OpenSessionRequest;
import io.ticketchat.web.rest.dto.SessionResponse;
import io.ticketchat.web.rest.dto.TypingRequest;
import io.ticketchat.web.rest.dto.TypingResponse;
import io.ticketchat.web.rest.openapi.SessionsApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The guide's session endpoints: create or join a ticket's chat session, and typing by session. */
@RestController
@RequestMapping(path = ChatApiPaths.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class ChatSessionsController implements SessionsApi {

    private final OpenChatSessionUseCase openSession;
    private final UpdateSessionTypingUseCase updateTyping;

    public ChatSessionsController(OpenChatSessionUseCase openSession, UpdateSessionTypingUseCase updateTyping) {
        this.openSession = openSession;
        this.updateTyping = updateTyping;
    }

    @Override
    @PostMapping(path = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SessionResponse> openSession(Caller caller, @RequestBody OpenSessionRequest body) {
        RequestFields fields = new RequestFields();
        TicketId ticket = fields.required("ticketId", body.ticketId(), TicketId::of);
        Long claimedId = fields.optional("userId", body.userId(), WireParsers::userId);
        ParticipantType claimedType = fields.optional("userType", body.userType(), WireParsers::participantType);
        fields.requireValid();

        IdentityClaim claim = IdentityClaim.of(claimedId, claimedType, body.userName());
        SessionMembership membership = ClaimedFields.USER.call(
                () -> openSession.openSession(new OpenChatSessionCommand(caller, ticket, claim)));
        HttpStatus status = membership.sessionCreated() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(SessionResponse.of(membership));
    }

    @Override
    @PutMapping(path = "/typing", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TypingResponse updateTyping(Caller caller, @RequestBody TypingRequest body) {
        RequestFields fields = new RequestFields();
        SessionId session = fields.required("sessionId", body.sessionId(), SessionId::of);
        Boolean typing = fields.required("isTyping", body.isTyping(), value -> value);
        Long claimedId = fields.optional("userId", body.userId(), WireParsers::userId);
        ParticipantType claimedType = fields.optional("userType", body.userType(), WireParsers::participantType);
        fields.requireValid();

        IdentityClaim claim = IdentityClaim.of(claimedId, claimedType, null);
        ClaimedFields.USER.call(() -> {
            updateTyping.updateTyping(new UpdateSessionTypingCommand(caller, session, typing, claim));
            return null;
        });
        return TypingResponse.of(session.value(), typing);
    }
}
