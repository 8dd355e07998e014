package io.ticketchat.bootstrap.standalone;

import org.springframework.context.annotation.Configuration;

/** What only the standalone service has: its own tables, JWT authentication and the demo. */
@Configuration(proxyBeanMethods = false)
class StandaloneConfiguration {
}
