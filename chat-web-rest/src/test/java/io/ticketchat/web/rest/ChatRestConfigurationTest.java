package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatRestConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
            .withUserConfiguration(RestTestApplication.class);

    @Test
    void providesTheControllersAndDefaultSettings() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ChatMessagesController.class).hasSingleBean(ChatSessionsController.class)
                    .hasSingleBean(ChatApiExceptionResolver.class);
            assertThat(context.getBean(ChatRestSettings.class)).isEqualTo(ChatRestSettings.defaults());
        });
    }

    @Test
    void backsOffForTheHostsSettings() {
        ChatRestSettings custom = ChatRestSettings.defaults().withMaxRequestBodyBytes(4096);
        runner.withBean(ChatRestSettings.class, () -> custom)
                .run(context -> assertThat(context.getBean(ChatRestSettings.class)).isSameAs(custom));
    }

    @Test
    void refusesNonsenseLimits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ChatRestSettings.defaults().withMaxRequestBodyBytes(0))
                .withMessageContaining("maxRequestBodyBytes");
    }

}
