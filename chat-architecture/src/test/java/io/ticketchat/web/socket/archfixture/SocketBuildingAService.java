package io.ticketchat.web.socket.archfixture;

import io.ticketchat.application.service.GrantedTicketsAccessPolicy;

/** Deliberately builds an application service outside bootstrap, so the rule can be seen to fail. */
public class SocketBuildingAService {

    Object policy() {
        return new GrantedTicketsAccessPolicy();
    }
}
