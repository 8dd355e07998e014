package io.ticketchat.web.rest.openapi;

import io.ticketchat.application.port.in.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the chat's endpoints when springdoc is on the classpath. springdoc is an optional
 * dependency of this adapter: the standalone server brings it, a host decides for itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ChatOpenApiConfiguration {

    @Bean
    ChatOpenApiCustomizer chatOpenApiCustomizer() {
        // The caller comes from the credential, never from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return new ChatOpenApiCustomizer();
    }
}
