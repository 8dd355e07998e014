package io.ticketchat.bootstrap.hostsample;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.application.port.out.TicketAccessPolicy;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A help desk that embeds the chat: its own tickets table and Flyway migrations, its own way of
 * knowing who is calling (a header its gateway sets), and nothing of the chat but the dependency,
 * a few {@code chat.*} properties and the two ports below.
 */
@SpringBootApplication
@PropertySource("classpath:hostsample.properties")
public class SampleHostApplication {

    /** The host's authentication: here a trusted gateway header, in real life its own security. */
    @Bean
    FilterRegistrationBean<GatewayHeaderFilter> gatewayHeaderFilter() {
        return new FilterRegistrationBean<>(new GatewayHeaderFilter());
    }

    /** Required: how the chat learns who is calling, from the principal the host's authentication set. */
    @Bean
    CallerResolver helpdeskCallerResolver() {
        return new HelpdeskCallerResolver();
    }

    /** Optional: customers see their own tickets only, as the host's tickets table says. */
    @Bean
    TicketAccessPolicy helpdeskTicketAccessPolicy(JdbcTemplate jdbc) {
        return new HelpdeskTicketAccessPolicy(jdbc);
    }
}
