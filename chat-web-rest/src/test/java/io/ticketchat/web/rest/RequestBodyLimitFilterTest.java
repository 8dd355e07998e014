package io.ticketchat.web.rest;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit counts bytes as they arrive, whatever the request claims about its length. */
class RequestBodyLimitFilterTest {

    private final ChatRestSettings settings = ChatRestSettings.defaults().withMaxRequestBodyBytes(16);
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(settings, new ChatFailures(settings),
            new ChatErrorWriter(ChatJson.mapper(settings)));

    @Test
    void aChunkedBodyWithoutContentLengthIsCountedAndRefused() throws Exception {
        MockHttpServletResponse response = run(new UndeclaredLengthRequest("{\"message\":\"seventeen+\"}"));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"success\":false,\"message\":\"Request body exceeds 16 bytes\",\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"maxBytes\":16}}");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat/messages");
        request.setContent(new byte[17]);

        assertThat(run(request).getStatus()).isEqualTo(413);
    }

    @Test
    void aBodyAtTheLimitReachesTheHandlerIntact() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new UndeclaredLengthRequest("{\"a\":\"1234567\"}x"), response, chain);

        ServletRequest passedOn = chain.getRequest();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(passedOn).isNotNull();
        assertThat(new String(passedOn.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"1234567\"}x");
        assertThat(passedOn.getContentLengthLong()).isEqualTo(16);
    }

    @Test
    void aBodyOneByteOverTheLimitIsRefused() throws Exception {
        assertThat(run(new UndeclaredLengthRequest("{\"a\":\"12345678\"}x")).getStatus()).isEqualTo(413);
    }

    @Test
    void aRequestWithoutBodyIsPassedOnWithoutABufferForOne() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/chat/messages/1") {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(InputStream.nullInputStream()) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        throw new AssertionError("read into a buffer of " + length + " bytes");
                    }
                };
            }
        };
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(get, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEmpty();
        assertThat(chain.getRequest().getContentLengthLong()).isZero();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (response.getStatus() == 413) {
            assertThat(chain.getRequest()).as("the handler never runs").isNull();
        }
        return response;
    }

    /** What a chunked upload looks like to a servlet: a body, but no length. */
    private static final class UndeclaredLengthRequest extends MockHttpServletRequest {

        UndeclaredLengthRequest(String body) {
            super("POST", "/api/chat/messages");
            setContent(body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }
    }
}
