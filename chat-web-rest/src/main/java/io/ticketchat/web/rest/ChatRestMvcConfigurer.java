package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.CallerResolver;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Puts the adapter's converter in front of the host's (it only claims {@link ChatJsonBody} types, so
 * the host's JSON is untouched) and lets handlers receive the {@code Caller}.
 */
final class ChatRestMvcConfigurer implements WebMvcConfigurer {

    private final ChatJsonHttpMessageConverter converter;
    private final CallerArgumentResolver callers;

    ChatRestMvcConfigurer(ChatRestSettings settings, CallerResolver callerResolver) {
        this.converter = new ChatJsonHttpMessageConverter(ChatJson.mapper(settings));
        this.callers = new CallerArgumentResolver(callerResolver);
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.addFirst(converter));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
