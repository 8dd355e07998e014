package io.ticketchat.bootstrap;

import io.ticketchat.ratelimit.ChatSendRateLimitConfiguration;
import io.ticketchat.ratelimit.SendRateLimitSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The per-sender send limit ({@code chat.rate-limit.*}); without it the core sends unlimited. */
@AutoConfiguration
@ConditionalOnClass(ChatSendRateLimitConfiguration.class)
@ConditionalOnBooleanProperty(name = "chat.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChatProperties.class)
@Import({ChatRateLimitAutoConfiguration.Settings.class, ChatSendRateLimitConfiguration.class})
public class ChatRateLimitAutoConfiguration {

    /** Imported ahead of the adapter's configuration, so its default settings back off for these. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {

        @Bean
        @ConditionalOnMissingBean
        SendRateLimitSettings sendRateLimitSettings(ChatProperties properties) {
            ChatProperties.RateLimit limit = properties.getRateLimit();
            return new SendRateLimitSettings(limit.getMessages(), limit.getWindow(),
                    SendRateLimitSettings.DEFAULTS.maxTrackedSenders());
        }
    }
}
