package io.ticketchat.bootstrap.hostsample;

import java.security.Principal;

/** The sample host's principal: who its gateway says is calling. */
record HelpdeskUser(String role, long id, String displayName) implements Principal {

    @Override
    public String getName() {
        return role + ":" + id;
    }
}
