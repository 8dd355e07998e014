package io.ticketchat.web.rest.openapi;

/** Example bodies for the API description: the guide's own, extended by the backward compatible additions. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String MESSAGE_LIST = """
            {
              "success": true,
              "data": [
                {
                  "id": 1,
                  "ticket_id": 1,
                  "sender_type": "agent",
                  "sender_id": 1,
                  "sender_name": "Agent Smith",
                  "message": "Hello! How can I help you?",
                  "message_type": "text",
                  "is_read": false,
                  "read_at": null,
                  "is_edited": false,
                  "edited_at": null,
                  "parent_message_id": null,
                  "created_at": "2024-01-15T10:30:00.000Z",
                  "updated_at": "2024-01-15T10:30:00.000Z",
                  "client_message_id": null
                }
              ],
              "ticket": {
                "id": 1,
                "name": "John Doe",
                "issue_title": "Technical Issue"
              },
              "paging": {
                "hasMore": false,
                "limit": 100,
                "oldestId": 1,
                "newestId": 1
              }
            }""";

    static final String POST_MESSAGE_REQUEST = """
            {
              "ticketId": 1,
              "senderType": "agent",
              "senderId": 1,
              "senderName": "Agent Smith",
              "message": "Hello! How can I help you?",
              "messageType": "text",
              "parentMessageId": null
            }""";

    static final String POST_MESSAGE_RESPONSE = """
            {
              "success": true,
              "message": "Chat message added successfully",
              "data": {
                "id": 1,
                "ticket_id": 1,
                "sender_type": "agent",
                "sender_id": 1,
                "sender_name": "Agent Smith",
                "message": "Hello! How can I help you?",
                "message_type": "text",
                "is_read": false,
                "read_at": null,
                "is_edited": false,
                "edited_at": null,
                "parent_message_id": null,
                "created_at": "2024-01-15T10:30:00.000Z",
                "updated_at": "2024-01-15T10:30:00.000Z",
                "client_message_id": null
              }
            }""";

    static final String MARK_READ_REQUEST = """
            {
              "userId": 1,
              "userType": "agent"
            }""";

    static final String MARK_READ_RESPONSE = """
            {
              "success": true,
              "message": "Messages marked as read",
              "data": {
                "ticketId": 1,
                "userType": "agent",
                "markedCount": 3,
                "upToMessageId": 7,
                "readAt": "2024-01-15T10:31:00.000Z"
              }
            }""";

    static final String UNREAD_COUNT = """
            {
              "success": true,
              "data": {
                "unreadCount": 5
              }
            }""";

    static final String OPEN_SESSION_REQUEST = """
            {
              "ticketId": 1,
              "userId": 1,
              "userType": "agent",
              "userName": "Agent Smith"
            }""";

    static final String SESSION_RESPONSE = """
            {
              "success": true,
              "message": "Chat session created",
              "data": {
                "sessionId": "session_1_1705314600000",
                "session_id": "session_1_1705314600000",
                "ticket_id": 1,
                "agent_id": 1,
                "customer_id": null,
                "status": "active",
                "started_at": "2024-01-15T10:30:00.000Z",
                "ended_at": null,
                "last_activity_at": "2024-01-15T10:30:00.000Z",
                "created": true,
                "participant": {
                  "user_id": 1,
                  "user_type": "agent",
                  "user_name": "Agent Smith",
                  "joined_at": "2024-01-15T10:30:00.000Z"
                }
              }
            }""";

    static final String TYPING_REQUEST = """
            {
              "sessionId": "session_1_1234567890",
              "userId": 1,
              "userType": "agent",
              "isTyping": true
            }""";

    static final String TYPING_RESPONSE = """
            {
              "success": true,
              "message": "Typing status updated",
              "data": {
                "sessionId": "session_1_1234567890",
                "isTyping": true
              }
            }""";
}
