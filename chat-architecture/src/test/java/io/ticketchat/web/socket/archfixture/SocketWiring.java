package io.ticketchat.web.socket.archfixture;

import org.springframework.context.annotation.Configuration;

/** Deliberately a configuration not named as an adapter's own, so the rule can be seen to fail. */
@Configuration(proxyBeanMethods = false)
public class SocketWiring {
}
