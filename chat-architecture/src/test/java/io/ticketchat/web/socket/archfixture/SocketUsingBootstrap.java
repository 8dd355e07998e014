package io.ticketchat.web.socket.archfixture;

import io.ticketchat.bootstrap.ChatProperties;

/** Broken on purpose: an adapter reaching into the assembly. */
public class SocketUsingBootstrap {

    public int sockets(ChatProperties properties) {
        return properties.getWebsocket().getMaxSocketsPerUser();
    }
}
