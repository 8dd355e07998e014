package io.ticketchat.bootstrap.standalone;

import io.ticketchat.security.jwt.ChatJwtSecurityConfiguration;
import io.ticketchat.security.jwt.JwtCallerResolver;
import io.ticketchat.web.socket.PrincipalExpiry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What only the standalone service has: JWT authentication, the start-up banner line, and the demo. */
@Configuration(proxyBeanMethods = false)
@Import({ChatJwtSecurityConfiguration.class, DemoConfiguration.class, ReadyBanner.class})
@EnableConfigurationProperties({JwtProperties.class, EmbeddedDatabaseProperties.class, DemoProperties.class})
class StandaloneConfiguration {

    /** Sockets close with 1008 the moment their token runs out, not only at their next frame. */
    @Bean
    PrincipalExpiry jwtPrincipalExpiry(JwtCallerResolver callers) {
        return callers::expiresAt;
    }
}
