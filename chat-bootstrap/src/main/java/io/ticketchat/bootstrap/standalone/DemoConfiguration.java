package io.ticketchat.bootstrap.standalone;

import io.ticketchat.bootstrap.persistence.ChatSchemaMigration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * Demo mode: a few tickets and people, development tokens for them and the demo page. On only when
 * {@code chat.demo.enabled} is set, which the standalone launcher does for the embedded database;
 * no request can switch it on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("chat.demo.enabled")
class DemoConfiguration {

    @Bean
    DemoData chatDemoData(DSLContext dsl, ChatSchemaMigration migration) {
        return new DemoData(dsl, migration);
    }

    @Bean
    DemoTokenIssuer chatDemoTokenIssuer(Environment environment, @Qualifier("chatClock") Clock clock) {
        return new DemoTokenIssuer(environment.getRequiredProperty("chat.security.jwt.secret"), clock);
    }

    @Bean
    DemoController chatDemoController(DemoData data, DemoTokenIssuer tokens) {
        return new DemoController(data, tokens);
    }

    /** The demo's token endpoints and page are public: that is the point of a demo, and why it is never on in production. */
    @Bean
    @Order(50)
    SecurityFilterChain chatDemoSecurityFilterChain(HttpSecurity http) {
        return http.securityMatcher("/api/chat/demo/**", "/demo", "/demo/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    WebMvcConfigurer chatDemoPage() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/demo/**").addResourceLocations("classpath:/META-INF/ticket-chat-demo/");
            }

            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController("/demo", "/demo/");
                registry.addViewController("/demo/").setViewName("forward:/demo/index.html");
                registry.addRedirectViewController("/", "/demo/");
            }
        };
    }
}
