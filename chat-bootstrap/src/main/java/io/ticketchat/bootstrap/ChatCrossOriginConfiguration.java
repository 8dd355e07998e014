package io.ticketchat.bootstrap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pages of the origins in {@code chat.web.allowed-origins} may use the chat from another origin: the
 * REST API and the web client's static files answer with CORS headers, and the socket handshake accepts
 * them (see {@link #socketOrigins}). One servlet filter serves the REST API and the static files alike,
 * ahead of any Spring Security chain (the standalone one or a host's), so a preflight is answered before
 * anyone asks for a credential, and a refusal (401, 403) still carries the headers a page needs to read
 * it. Only bearer tokens cross origins: cookies are not allowed ({@code Access-Control-Allow-Credentials}
 * stays off). With no origin listed the filter is off: the browser's same-origin rule applies as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ChatCrossOriginConfiguration {

    /** Before Spring Security's filter chain (order -100), after the chat's response headers filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    static final List<String> PATHS = List.of("/api/chat/**", "/ticket-chat/**");

    /** The socket admits the web allow-list and the deprecated socket-only one together. */
    static List<String> socketOrigins(ChatProperties properties) {
        Set<String> origins = new LinkedHashSet<>(properties.getWeb().getAllowedOrigins());
        origins.addAll(properties.getWebsocket().getAllowedOrigins());
        return List.copyOf(origins);
    }

    @Bean
    FilterRegistrationBean<CorsFilter> chatCorsFilter(ChatProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.getWeb().getAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        PATHS.forEach(path -> source.registerCorsConfiguration(path, cors));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.addUrlPatterns("/api/chat/*", "/ticket-chat/*");
        registration.setOrder(ORDER);
        registration.setEnabled(!cors.getAllowedOrigins().isEmpty());
        return registration;
    }
}
