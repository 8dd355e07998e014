package io.ticketchat.web.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over the limit with 413. Counts the bytes that actually arrive: a chunked
 * body has no Content-Length and a declared one may lie. Bodies within the limit are small, so they
 * are read here whole and replayed to the handler.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final byte[] NO_BODY = new byte[0];

    private final int maxBytes;
    private final ChatFailures failures;
    private final ChatErrorWriter writer;

    RequestBodyLimitFilter(ChatRestSettings settings, ChatFailures failures, ChatErrorWriter writer) {
        this.maxBytes = settings.maxRequestBodyBytes();
        this.failures = failures;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getContentLengthLong() > maxBytes ? null : readAtMost(request.getInputStream(), maxBytes);
        if (body == null) {
            writer.write(failures.payloadTooLarge(), response);
            return;
        }
        chain.doFilter(new ReplayedBodyRequest(request, body), response);
    }

    /** @return the whole body, or {@code null} as soon as it passes {@code limit} bytes */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        // Most requests (every GET) have no body: one read finds out before a buffer is made for one.
        int first = in.read();
        if (first == -1) {
            return NO_BODY;
        }
        byte[] rest = in.readNBytes(limit - 1);
        if (in.read() != -1) {
            return null;
        }
        byte[] body = new byte[rest.length + 1];
        body[0] = (byte) first;
        System.arraycopy(rest, 0, body, 1, rest.length);
        return body;
    }

    private static final class ReplayedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was already read in full");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
