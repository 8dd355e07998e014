package io.ticketchat.web.rest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ChatApiExceptionResolverTest {

    private final ChatRestSettings settings = ChatRestSettings.defaults();
    private final ChatApiExceptionResolver resolver =
            new ChatApiExceptionResolver(new ChatFailures(settings), new ChatErrorWriter(ChatJson.mapper(settings)));

    @Test
    void failuresOutsideTheChatApiAreLeftToTheHost() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/chatter/1");

        assertThat(resolver.resolveException(request, new MockHttpServletResponse(), null, new IllegalStateException())).isNull();
    }

    @Test
    void everythingElseUnderTheApiIsAnsweredInTheContractsShape() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/chat/messages/1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(resolver.resolveException(request, response, null, new IllegalStateException("secret"))).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"success\":false,\"message\":\"Internal server error\",\"error\":{\"code\":\"INTERNAL\"}}");
    }
}
