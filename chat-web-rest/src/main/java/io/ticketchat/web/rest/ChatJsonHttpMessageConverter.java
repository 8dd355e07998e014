package io.ticketchat.web.rest;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the adapter's own types with the adapter's mapper, and nothing else. */
final class ChatJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    ChatJsonHttpMessageConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return isChatBody(type.resolve()) && super.canRead(type, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return isChatBody(valueClass) && super.canWrite(type, valueClass, mediaType);
    }

    private static boolean isChatBody(Class<?> type) {
        return type != null && ChatJsonBody.class.isAssignableFrom(type);
    }
}
