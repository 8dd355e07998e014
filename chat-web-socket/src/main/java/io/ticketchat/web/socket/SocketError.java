package io.ticketchat.web.socket;

/**
 * An error to report on one socket, with what is known of the request it answers.
 *
 * @param field           the offending or forging request field, or {@code null}
 * @param clientMessageId the request's {@code clientMessageId}, or {@code null}
 * @param ticketId        the request's ticket, or {@code null}
 * @param requestType     the request's {@code type}, or {@code null} if it had none
 */
record SocketError(ErrorCode code, String message, String field, String clientMessageId, Long ticketId,
                   String requestType) {

    static SocketError of(ErrorCode code, String message) {
        return new SocketError(code, message, null, null, null, null);
    }

    SocketError about(ClientFrame frame) {
        return new SocketError(code, message, field, frame.clientMessageIdForErrors(), frame.ticketIdForErrors(),
                frame.typeForErrors());
    }

    SocketError about(long ticket) {
        return new SocketError(code, message, field, clientMessageId, ticket, requestType);
    }
}
