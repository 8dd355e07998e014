package io.ticketchat.bootstrap;

import io.ticketchat.application.port.in.PostMessageUseCase;
import io.ticketchat.application.port.out.SendRateLimiter;
import io.ticketchat.bootstrap.core.ChatUseCaseConfiguration;
import io.ticketchat.bootstrap.persistence.ChatPersistenceAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The use cases, each a transactional view of its service over the outbound ports that the persistence
 * and rate-limit auto-configurations (or the host) provide, and the CORS filter that the REST API and the
 * web client's static files share. Runs after the host's transaction manager, which it uses and never replaces.
 */
@AutoConfiguration(after = {ChatPersistenceAutoConfiguration.class, ChatRateLimitAutoConfiguration.class},
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({PostMessageUseCase.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(ChatProperties.class)
@Import({ChatUseCaseConfiguration.class, ChatCrossOriginConfiguration.class})
public class ChatCoreAutoConfiguration {

    /** Sends are not limited when the rate-limit auto-configuration is switched off or left out. */
    @Bean
    @ConditionalOnMissingBean
    SendRateLimiter chatUnlimitedSendRateLimiter() {
        return SendRateLimiter.UNLIMITED;
    }
}
