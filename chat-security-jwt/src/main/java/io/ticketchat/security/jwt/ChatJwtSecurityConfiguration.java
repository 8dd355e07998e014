package io.ticketchat.security.jwt;

import io.ticketchat.application.port.in.CallerResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * The standalone service's security: HS256 bearer tokens on the chat's API and socket, the WebSocket
 * handshake tickets the chat issues and redeems for every host (adopted here as the handshake's
 * authentication), and the contract's JSON answers to refused requests. Not component-scanned;
 * chat-bootstrap imports it when the chat runs on its own. A host that embeds the chat behind its
 * own security supplies a {@link CallerResolver} instead and leaves this out.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ChatJwtSecurityConfiguration {

    /** Before a host's catch-all chains (which usually keep the default, lowest, order); open paths first. */
    public static final int OPEN_PATHS_FILTER_CHAIN_ORDER = 100;
    public static final int CHAT_FILTER_CHAIN_ORDER = OPEN_PATHS_FILTER_CHAIN_ORDER + 1;

    static final String[] OPEN_PATHS = {"/ticket-chat/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/actuator/health", "/actuator/health/**", "/error"};
    static final String[] CHAT_PATHS = {"/api/chat/**", "/ws/chat", "/ws/chat/**", "/actuator/**"};
    /** Everything else the actuator shows (metrics, info) is for agents, not for customers or the public. */
    static final String OPERATOR_PATHS = "/actuator/**";
    static final String HANDSHAKE_PATH = "/ws/chat";

    /** The clock bean chat-bootstrap defines; the system clock when there is none. */
    static final String CHAT_CLOCK = "chatClock";

    @Bean
    @ConditionalOnMissingBean
    ChatJwtSettings chatJwtSettings(Environment environment) {
        // Boot's binder, for durations such as "30s"; chat-bootstrap may define this bean from its own properties.
        Binder binder = Binder.get(environment);
        return new ChatJwtSettings(
                binder.bind("chat.security.jwt.secret", String.class).orElse(null),
                binder.bind("chat.security.jwt.issuer", String.class).orElse(null),
                binder.bind("chat.security.jwt.audience", String.class).orElse(null),
                binder.bind("chat.security.jwt.clock-skew", Duration.class).orElse(null));
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder chatJwtDecoder(ChatJwtSettings settings, @Qualifier(CHAT_CLOCK) ObjectProvider<Clock> clock) {
        return ChatJwtDecoders.hs256(settings, clockOf(clock));
    }

    @Bean
    @ConditionalOnMissingBean(CallerResolver.class)
    JwtCallerResolver jwtCallerResolver(ChatJwtSettings settings, @Qualifier(CHAT_CLOCK) ObjectProvider<Clock> clock) {
        return new JwtCallerResolver(clockOf(clock), settings.clockSkew());
    }

    /**
     * Authentications are observed (timers, traces); the filter chain and the authorization decision
     * are not. Without this bean every filter of every request is wrapped in an observation of its own,
     * about as costly as the filters themselves. The web authorization rules are coarse ("authenticated",
     * and the agent role for the operator paths; which ticket a caller may use is decided in the use
     * cases), refusals are answered and counted by {@code http.server.requests} as 403s, yet observing
     * the decision formatted the caller's authorities into a tag on every request: about 5 % of a
     * history read's CPU in a profile. A host that wants them declares its own
     * {@code SecurityObservationSettings}.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings chatSecurityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveAuthorizations(false).build();
    }

    @Bean
    @ConditionalOnMissingBean
    ChatSecurityErrorResponses chatSecurityErrorResponses() {
        return new ChatSecurityErrorResponses();
    }

    @Bean
    @Order(CHAT_FILTER_CHAIN_ORDER)
    SecurityFilterChain chatSecurityFilterChain(HttpSecurity http, JwtDecoder decoder, ChatSecurityErrorResponses errors) {
        // Not a bean: Boot would also register a Filter bean for every request of the servlet container.
        WebSocketTicketAuthenticationFilter ticketFilter = new WebSocketTicketAuthenticationFilter(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, HANDSHAKE_PATH), errors);
        return stateless(http)
                .securityMatcher(CHAT_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPERATOR_PATHS).hasRole(ChatAuthorities.AGENT_ROLE)
                        .anyRequest().authenticated())
                // Bearer tokens are never sent by a browser on its own, so there is no cross-site request to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(ChatAuthorities.converter()))
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .addFilterBefore(ticketFilter, BearerTokenAuthenticationFilter.class)
                .build();
    }

    /** Static client, API docs and health stay public, yet get the same security headers (nosniff, frame options). */
    @Bean
    @Order(OPEN_PATHS_FILTER_CHAIN_ORDER)
    SecurityFilterChain chatOpenPathsSecurityFilterChain(HttpSecurity http) {
        return stateless(http)
                .securityMatcher(OPEN_PATHS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) {
        return http
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    private static Clock clockOf(@Qualifier(CHAT_CLOCK) ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }
}
