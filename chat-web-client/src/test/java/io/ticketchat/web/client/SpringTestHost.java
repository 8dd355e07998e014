package io.ticketchat.web.client;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;

/**
 * A plain Spring Boot MVC application with Spring Security's default headers (which mark every response
 * {@code no-store} unless it says otherwise) and the web client jar on its class path, as a host has it.
 * It also serves the browser tests' pages under {@code /test/} and the demo page under {@code /demo/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SpringTestHost {

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SpringTestHost.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "server.address=127.0.0.1")
                .run();
    }

    static URI uri(ConfigurableApplicationContext host, String path) {
        return URI.create("http://127.0.0.1:" + host.getEnvironment().getRequiredProperty("local.server.port") + path);
    }

    @Bean
    SecurityFilterChain hostSecurity(HttpSecurity http) {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ticket-chat/**", "/test/**", "/demo/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> { })
                .build();
    }

    @Bean
    WebMvcConfigurer testPages() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/test/**").addResourceLocations("classpath:/ticket-chat-test/");
                // As docs/web-client.md tells a host (and chat-bootstrap's demo mode does) to map the demo page.
                registry.addResourceHandler("/demo/**").addResourceLocations("classpath:/META-INF/ticket-chat-demo/");
            }
        };
    }
}
