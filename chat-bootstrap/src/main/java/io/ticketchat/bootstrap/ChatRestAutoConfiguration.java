package io.ticketchat.bootstrap;

import io.ticketchat.web.rest.ChatRestConfiguration;
import io.ticketchat.web.rest.ChatRestSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The REST API under {@code /api/chat}, in servlet web applications, unless {@code chat.rest.enabled=false}. */
@AutoConfiguration(after = ChatCoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ChatRestConfiguration.class)
@ConditionalOnBooleanProperty(name = "chat.rest.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChatProperties.class)
@Import({ChatRestAutoConfiguration.Settings.class, ChatRestConfiguration.class})
public class ChatRestAutoConfiguration {

    /** Imported ahead of the adapter's configuration, so its default settings back off for these. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {

        @Bean
        @ConditionalOnMissingBean
        ChatRestSettings chatRestSettings(ChatProperties properties) {
            return ChatRestSettings.defaults()
                    .withMaxRequestBodyBytes(Math.toIntExact(properties.getRest().getMaxBodySize().toBytes()));
        }
    }
}
