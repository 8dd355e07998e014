package io.ticketchat.ratelimit;

import io.ticketchat.application.port.out.SendRateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The send rate limit, usable with or without the JWT adapter: it keys on the caller, however the
 * caller was authenticated. Not component-scanned; chat-bootstrap imports it.
 */
@Configuration(proxyBeanMethods = false)
public class ChatSendRateLimitConfiguration {

    /** The clock bean chat-bootstrap defines; the system clock when there is none. */
    static final String CHAT_CLOCK = "chatClock";

    @Bean
    @ConditionalOnMissingBean
    SendRateLimitSettings sendRateLimitSettings() {
        return SendRateLimitSettings.DEFAULTS;
    }

    @Bean
    @ConditionalOnMissingBean
    SendRateLimiter bucket4jSendRateLimiter(SendRateLimitSettings settings, @Qualifier(CHAT_CLOCK) ObjectProvider<Clock> clock) {
        return new Bucket4jSendRateLimiter(settings, clock.getIfAvailable(Clock::systemUTC));
    }
}
