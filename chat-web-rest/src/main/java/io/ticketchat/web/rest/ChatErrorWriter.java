package io.ticketchat.web.rest;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Writes an {@link ApiFailure} with the adapter's mapper, from a filter or an exception resolver alike. */
final class ChatErrorWriter {

    private final JsonMapper mapper;

    ChatErrorWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void write(ApiFailure failure, HttpServletResponse response) throws IOException {
        // JSON is UTF-8 by definition (RFC 8259), so no charset parameter, like the successful answers.
        byte[] json = mapper.writeValueAsBytes(failure.body());
        response.resetBuffer();
        response.setStatus(failure.status().value());
        failure.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
