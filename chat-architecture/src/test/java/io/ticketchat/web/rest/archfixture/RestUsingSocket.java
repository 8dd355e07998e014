package io.ticketchat.web.rest.archfixture;

import io.ticketchat.web.socket.archfixture.SocketThing;

/** Broken on purpose: one adapter calling another. */
public class RestUsingSocket {

    public String call() {
        return new SocketThing().name();
    }
}
