package io.ticketchat.security.jwt;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.util.List;
import java.util.Locale;

/**
 * Spring Security roles from {@code user_type} ({@code ROLE_AGENT}, {@code ROLE_CUSTOMER}), for the
 * few paths the filter chain guards by role itself. Chat access is decided by the application's
 * policy, not by these.
 */
final class ChatAuthorities {

    static final String AGENT_ROLE = "AGENT";

    private ChatAuthorities() {
    }

    static JwtAuthenticationConverter converter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.of(new SimpleGrantedAuthority(
                "ROLE_" + jwt.getClaimAsString(ChatClaims.USER_TYPE).toUpperCase(Locale.ROOT))));
        return converter;
    }
}
