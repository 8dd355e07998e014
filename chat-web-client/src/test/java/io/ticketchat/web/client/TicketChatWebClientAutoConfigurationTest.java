package io.ticketchat.web.client;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketChatWebClientAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TicketChatWebClientAutoConfiguration.class));

    @Test
    void aServletApplicationServesTheFilesUnderTheirVersion() {
        web.run(context -> {
            assertThat(context).hasSingleBean(TicketChatAssets.class).hasBean("ticketChatResourceHandlers");
            TicketChatAssets assets = context.getBean(TicketChatAssets.class);
            assertThat(assets.url("ticket-chat.js")).isEqualTo("/ticket-chat/" + assets.version() + "/ticket-chat.js");
        });
    }

    @Test
    void aHostsOwnAssetsBeanWins() {
        TicketChatAssets pinned = new TicketChatAssets("pinned1", List.of("ticket-chat.js"));
        web.withBean(TicketChatAssets.class, () -> pinned)
                .run(context -> assertThat(context.getBean(TicketChatAssets.class)).isSameAs(pinned));
    }

    @Test
    void nothingOutsideAServletApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TicketChatWebClientAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(TicketChatAssets.class).doesNotHaveBean(WebMvcConfigurer.class));
    }

    @Test
    void theVersionFollowsTheContents() {
        TicketChatAssets assets = TicketChatAssets.load(new org.springframework.core.io.support.PathMatchingResourcePatternResolver());
        assertThat(assets.version()).matches("[0-9a-f]{16}");
        assertThat(TicketChatAssets.load(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()).version())
                .isEqualTo(assets.version());
    }
}
