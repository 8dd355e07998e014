package io.ticketchat.web.client;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;

/**
 * A plain Spring Boot MVC application with Spring Security's default headers (which mark every response
 * {@code no-store} unless it says otherwise) and the web client jar on its class path, as a host has it.
 * It also serves the browser tests' pages under {@code /test/}, the demo page under {@code /demo/}, and,
 * behind form login (user {@code jane}, password {@code secret}), a help desk page with the chat in cookie
 * mode ({@link HelpDeskPage}) over a stand-in of the chat's REST API ({@link FakeChatApi}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({FakeChatApi.class, HelpDeskPage.class})
class SpringTestHost {

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(SpringTestHost.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "server.address=127.0.0.1")
                .properties(properties)
                .run();
    }

    static URI uri(ConfigurableApplicationContext host, String path) {
        return URI.create("http://127.0.0.1:" + host.getEnvironment().getRequiredProperty("local.server.port") + path);
    }

    /**
     * Form login, CSRF on. {@code test.csrf=spa} keeps the token in the XSRF-TOKEN cookie
     * ({@code csrf.spa()}); otherwise it is Spring Security's default, in the session.
     */
    @Bean
    SecurityFilterChain hostSecurity(HttpSecurity http, Environment environment) {
        if ("spa".equals(environment.getProperty("test.csrf"))) {
            http.csrf(csrf -> csrf.spa());
        }
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ticket-chat/**", "/test/**", "/demo/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> { })
                .build();
    }

    @Bean
    UserDetailsService helpDeskUsers() {
        return new InMemoryUserDetailsManager(User.withUsername("jane").password("{noop}secret").roles("CUSTOMER").build());
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
