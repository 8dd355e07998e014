package io.ticketchat.application.service;

import io.ticketchat.application.port.in.Caller;
import io.ticketchat.application.port.in.ChangeChatSessionStatusCommand;
import io.ticketchat.application.port.in.ChatSessionNotFoundException;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.IdentityClaim;
import io.ticketchat.application.port.in.JoinTicketRoomCommand;
import io.ticketchat.application.port.in.LeaveTicketRoomCommand;
import io.ticketchat.application.port.in.OpenChatSessionCommand;
import io.ticketchat.application.port.in.PostMessageCommand;
import io.ticketchat.application.port.in.RoomEntry;
import io.ticketchat.application.port.in.SessionMembership;
import io.ticketchat.application.port.in.StartTypingCommand;
import io.ticketchat.application.port.in.StopTypingCommand;
import io.ticketchat.application.port.in.UpdateSessionTypingCommand;
import io.ticketchat.application.testing.ChatCore;
import io.ticketchat.domain.ChatSession;
import io.ticketchat.domain.ChatSessionStatus;
import io.ticketchat.domain.IllegalSessionTransitionException;
import io.ticketchat.domain.Message;
import io.ticketchat.domain.MessageText;
import io.ticketchat.domain.MessageType;
import io.ticketchat.domain.ParticipantType;
import io.ticketchat.domain.SessionId;
import io.ticketchat.domain.TicketId;
import io.ticketchat.domain.UserId;
import io.ticketchat.domain.event.ParticipantJoined;
import io.ticketchat.domain.event.ParticipantLeft;
import io.ticketchat.domain.event.SessionClosed;
import io.ticketchat.domain.event.SessionOpened;
import io.ticketchat.domain.event.TypingStarted;
import io.ticketchat.domain.event.TypingStopped;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionsTypingAndRoomsTest {

    private static final TicketId TICKET = TicketId.of(1);
    private final ChatCore core = new ChatCore();
    private final Caller agent = Caller.agent(1, "Agent Smith");
    private final Caller customer = Caller.customer(2, "John Doe", 1);

    @BeforeEach
    void tickets() {
        core.tickets.add(1, "John Doe", "Technical Issue");
    }

    private SessionMembership open(Caller caller) {
        return core.openSession.openSession(new OpenChatSessionCommand(caller, TICKET, null));
    }

    private Message post(Caller caller, String text) {
        return core.postMessage.postMessage(new PostMessageCommand(caller, TICKET, MessageText.of(text), MessageType.TEXT, null, null, null)).message();
    }

    @Test
    void theFirstToArriveOpensTheSessionAndTheOtherSideJoinsIt() {
        SessionMembership customerSide = open(customer);
        SessionMembership agentSide = open(agent);

        assertThat(customerSide.sessionCreated()).isTrue();
        assertThat(agentSide.sessionCreated()).isFalse();
        assertThat(agentSide.session().sessionId()).isEqualTo(customerSide.session().sessionId());
        assertThat(agentSide.session().agentId()).isEqualTo(UserId.of(1));
        assertThat(agentSide.session().customerId()).isEqualTo(UserId.of(2));
        assertThat(agentSide.participant().name().value()).isEqualTo("Agent Smith");
        assertThat(core.events.eventsOf(SessionOpened.class)).hasSize(1);
        assertThat(core.events.eventsOf(ParticipantJoined.class)).hasSize(2);
    }

    @Test
    void joiningTwiceKeepsOneParticipant() {
        open(customer);
        SessionMembership again = open(customer);

        assertThat(core.participantRepository.findPresent(again.session().sessionId())).hasSize(1);
        assertThat(core.events.eventsOf(ParticipantJoined.class)).hasSize(1);
    }

    @Test
    void openingASessionChecksIdentityAndAccess() {
        assertThatThrownBy(() -> core.openSession.openSession(new OpenChatSessionCommand(customer, TICKET,
                IdentityClaim.of(2L, ParticipantType.CUSTOMER, "Someone Else")))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> open(Caller.customer(5, "Eve", 7))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void sessionsPauseResumeAndCloseAndAClosedOneIsReplacedOnTheNextOpen() {
        ChatSession session = open(customer).session();
        SessionId id = session.sessionId();

        assertThat(core.changeSessionStatus.changeStatus(new ChangeChatSessionStatusCommand(agent, id, ChatSessionStatus.PAUSED)).status())
                .isEqualTo(ChatSessionStatus.PAUSED);
        ChatSession closed = core.changeSessionStatus.changeStatus(new ChangeChatSessionStatusCommand(agent, id, ChatSessionStatus.CLOSED));
        assertThat(closed.endedAt()).isEqualTo(core.clock.instant());
        assertThat(core.events.eventsOf(SessionClosed.class)).hasSize(1);
        assertThatThrownBy(() -> core.changeSessionStatus.changeStatus(new ChangeChatSessionStatusCommand(agent, id, ChatSessionStatus.ACTIVE)))
                .isInstanceOf(IllegalSessionTransitionException.class);
        assertThatThrownBy(() -> core.changeSessionStatus.changeStatus(new ChangeChatSessionStatusCommand(agent, SessionId.of("nope"), ChatSessionStatus.CLOSED)))
                .isInstanceOf(ChatSessionNotFoundException.class);

        core.clock.advance(Duration.ofSeconds(1));
        SessionMembership next = open(agent);
        assertThat(next.sessionCreated()).isTrue();
        assertThat(next.session().sessionId()).isNotEqualTo(id);
    }

    @Test
    void typingIsAnnouncedOncePerSpellAndExpiresEightSecondsAfterTheLastSignal() {
        core.typing.startTyping(new StartTypingCommand(agent, TICKET, null));
        core.clock.advance(Duration.ofSeconds(5));
        core.typing.startTyping(new StartTypingCommand(agent, TICKET, null));
        assertThat(core.events.eventsOf(TypingStarted.class)).hasSize(1);

        core.clock.advance(Duration.ofSeconds(7));
        assertThat(core.typing.expireTyping()).isZero();
        core.clock.advance(Duration.ofSeconds(1));
        assertThat(core.typing.expireTyping()).isEqualTo(1);
        assertThat(core.events.eventsOf(TypingStopped.class)).singleElement()
                .satisfies(stopped -> assertThat(stopped.reason()).isEqualTo(TypingStopped.Reason.EXPIRED));
        assertThat(core.typing.expireTyping()).isZero();
    }

    @Test
    void stoppingSendingOrLeavingEndsTypingAtOnce() {
        core.typing.startTyping(new StartTypingCommand(agent, TICKET, null));
        core.typing.stopTyping(new StopTypingCommand(agent, TICKET, null));
        core.typing.stopTyping(new StopTypingCommand(agent, TICKET, null));

        core.typing.startTyping(new StartTypingCommand(customer, TICKET, null));
        post(customer, "done typing");

        core.typing.startTyping(new StartTypingCommand(agent, TICKET, null));
        core.rooms.leaveRoom(new LeaveTicketRoomCommand(agent, TICKET));

        assertThat(core.events.eventsOf(TypingStarted.class)).hasSize(3);
        assertThat(core.events.eventsOf(TypingStopped.class)).extracting(TypingStopped::reason)
                .containsExactly(TypingStopped.Reason.STOPPED, TypingStopped.Reason.STOPPED, TypingStopped.Reason.LEFT);
        assertThat(core.events.eventsOf(ParticipantLeft.class)).hasSize(1);
    }

    @Test
    void typingThroughASessionReachesItsTicket() {
        SessionId session = open(customer).session().sessionId();

        core.typing.updateTyping(new UpdateSessionTypingCommand(customer, session, true, IdentityClaim.of(2L, ParticipantType.CUSTOMER, null)));
        core.typing.updateTyping(new UpdateSessionTypingCommand(customer, session, false, null));

        assertThat(core.events.eventsOf(TypingStarted.class)).singleElement()
                .satisfies(started -> assertThat(started.ticketId()).isEqualTo(TICKET));
        assertThat(core.events.eventsOf(TypingStopped.class)).hasSize(1);
        assertThatThrownBy(() -> core.typing.updateTyping(new UpdateSessionTypingCommand(agent, session, true,
                IdentityClaim.of(null, ParticipantType.CUSTOMER, null)))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void joiningARoomWithALastMessageIdReplaysWhatWasMissed() {
        Message first = post(customer, "one");
        post(agent, "two");
        Message three = post(customer, "three");

        RoomEntry fresh = core.rooms.joinRoom(new JoinTicketRoomCommand(agent, TICKET, null, null));
        assertThat(fresh.missed()).isNull();
        assertThat(fresh.latestMessageId()).isEqualTo(three.id());
        assertThat(fresh.ticket().issueTitle()).isEqualTo("Technical Issue");

        RoomEntry resumed = core.rooms.joinRoom(new JoinTicketRoomCommand(agent, TICKET, first.id(), null));
        assertThat(resumed.missed().messages()).extracting(m -> m.text().value()).containsExactly("two", "three");
        assertThat(resumed.missed().hasMore()).isFalse();
    }

    @Test
    void aRoomIsClosedToOutsiders() {
        assertThatThrownBy(() -> core.rooms.joinRoom(new JoinTicketRoomCommand(Caller.customer(9, "Eve", 4), TICKET, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(core.access.mayAccess(Caller.customer(9, "Eve", 4), TICKET)).isFalse();
        assertThat(core.access.mayAccess(customer, TICKET)).isTrue();
        assertThat(core.access.mayAccess(agent, TicketId.of(12345))).isTrue();
    }
}
