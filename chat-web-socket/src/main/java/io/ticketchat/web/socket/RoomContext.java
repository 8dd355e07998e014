package io.ticketchat.web.socket;

import io.ticketchat.application.port.in.CheckTicketAccessUseCase;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every room shares.
 *
 * @param patience how long a replay waits for a client to make room before cutting it off
 */
record RoomContext(TicketRooms rooms, RoomHistory history, CheckTicketAccessUseCase access, EventJson json,
                   Executor workers, Duration patience, ChatSocketObserver observer) {
}
