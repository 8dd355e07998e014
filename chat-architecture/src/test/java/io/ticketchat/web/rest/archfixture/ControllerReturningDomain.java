package io.ticketchat.web.rest.archfixture;

import io.ticketchat.domain.Message;
import io.ticketchat.domain.TicketId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Deliberately puts domain types on the wire, so the rule can be seen to fail. */
@RestController
public class ControllerReturningDomain {

    public ResponseEntity<List<Message>> messages(TicketId ticketId) {
        throw new UnsupportedOperationException("fixture");
    }
}
