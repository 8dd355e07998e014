package io.ticketchat.bootstrap.sessionhost;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import io.ticketchat.application.port.out.TicketDirectory;
import io.ticketchat.domain.TicketSummary;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Optional;

/**
 * A help desk as a Spring Boot 4 team would write it: Spring Security with form login and its default
 * CSRF protection, users and tickets with BIGINT keys in its own Flyway migrations, and server-rendered
 * ticket pages. It embeds the chat with the dependency and a {@link CallerResolver} bean; the ticket
 * access policy and directory are there because its tickets know their customer by id.
 */
@SpringBootApplication
@PropertySource("classpath:sessionhost.properties")
public class SessionHostApplication {

    /** The host's security, unchanged for the chat: every page and API needs a signed-in user, CSRF on. */
    @Bean
    SecurityFilterChain helpdeskSecurity(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ticket-chat/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService helpdeskUsers(JdbcTemplate jdbc) {
        return username -> jdbc.query("SELECT id, username, password_hash, display_name, role FROM users WHERE username = ?",
                        rows -> rows.next() ? Optional.of(new HelpdeskAccount(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), HelpdeskAccount.Role.valueOf(rows.getString(5)))) : Optional.<HelpdeskAccount>empty(),
                        username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Required: who is calling, from the Authentication Spring Security put behind the request or socket. */
    @Bean
    CallerResolver helpdeskCallerResolver() {
        return new HelpdeskSecurityCallerResolver();
    }

    /** Optional: customers see their own tickets only. */
    @Bean
    TicketAccessPolicy helpdeskTicketAccessPolicy(JdbcTemplate jdbc) {
        return new HelpdeskTicketOwnership(jdbc);
    }

    /** Optional: the ticket block's customer name lives in users here, not in tickets. */
    @Bean
    TicketDirectory helpdeskTicketDirectory(JdbcTemplate jdbc) {
        return ticketId -> jdbc.query("SELECT u.display_name, t.title FROM tickets t JOIN users u ON u.id = t.customer_id WHERE t.id = ?",
                rows -> rows.next() ? Optional.of(new TicketSummary(ticketId, rows.getString(1), rows.getString(2))) : Optional.empty(),
                ticketId.value());
    }
}
