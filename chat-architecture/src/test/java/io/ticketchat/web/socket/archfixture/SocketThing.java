package io.ticketchat.web.socket.archfixture;

/** A stand-in socket-adapter class for the adapter-isolation fixture. */
public class SocketThing {

    public String name() {
        return "socket";
    }
}
