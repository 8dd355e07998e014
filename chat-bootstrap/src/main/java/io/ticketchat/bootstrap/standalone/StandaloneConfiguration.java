package io.ticketchat.bootstrap.standalone;

import io.ticketchat.security.jwt.ChatJwtSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What only the standalone service has: JWT authentication, the start-up banner line, and the demo. */
@Configuration(proxyBeanMethods = false)
@Import({ChatJwtSecurityConfiguration.class, DemoConfiguration.class, ReadyBanner.class})
class StandaloneConfiguration {
}
