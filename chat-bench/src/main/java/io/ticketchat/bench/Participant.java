package io.ticketchat.bench;

/** One person in a ticket's room, with the token their socket authenticates with. User ids are unique per run. */
record Participant(long userId, String userType, long ticketId, String token) {
}
