package io.ticketchat.web.rest.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketchat.application.port.in.Caller;
import io.ticketchat.web.rest.dto.WebSocketTicketResponse;
import jakarta.servlet.http.HttpServletRequest;

/** The API description of the socket ticket endpoint; error responses are added by {@link ChatOpenApiCustomizer}. */
@Tag(name = "WebSocket", description = "Passes for the /ws/chat handshake")
public interface WebSocketTicketsApi {

    @Operation(operationId = "issueWebSocketTicket", summary = "Get a single-use ticket for the WebSocket handshake",
            description = "Issued to whoever the request authenticates as (a bearer token, or the host's own "
                    + "session cookie, SSO or gateway), valid once for 30 seconds on /ws/chat?ticket=. A ticket "
                    + "issued inside an HTTP session binds the socket to that session: when the session ends, "
                    + "the socket is closed with 1008.")
    @ApiResponse(responseCode = "200", description = "The ticket",
            content = @Content(schema = @Schema(implementation = WebSocketTicketResponse.class)))
    WebSocketTicketResponse issue(Caller caller, HttpServletRequest request);
}
