package io.ticketchat.bootstrap.standalone;

import io.ticketchat.security.jwt.ChatJwtSecurityConfiguration;
import io.ticketchat.security.jwt.JwtCallerResolver;
import io.ticketchat.web.socket.PrincipalExpiry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What only the standalone service has: its own tables, JWT authentication and the demo. The JWT
 * adapter reads {@code chat.security.jwt.*} itself and refuses to start without a good secret.
 */
@Configuration(proxyBeanMethods = false)
@Import(ChatJwtSecurityConfiguration.class)
class StandaloneConfiguration {

    /** Sockets close with 1008 the moment their token runs out, not only at the next frame. */
    @Bean
    PrincipalExpiry jwtPrincipalExpiry(JwtCallerResolver callers) {
        return callers::expiresAt;
    }
}
