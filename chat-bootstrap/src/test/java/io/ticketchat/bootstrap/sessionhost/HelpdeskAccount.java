package io.ticketchat.bootstrap.sessionhost;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A signed-in person of the help desk, as its {@code users} table describes them. */
record HelpdeskAccount(long id, String username, String passwordHash, String displayName, Role role) implements UserDetails {

    enum Role { AGENT, CUSTOMER }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "HelpdeskAccount[" + username + "]";
    }
}
