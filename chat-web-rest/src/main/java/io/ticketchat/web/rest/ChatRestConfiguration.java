package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.CallerResolver;
import io.ticketchat.web.rest.openapi.ChatOpenApiConfiguration;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The REST adapter: the guide's endpoints under {@code /api/chat}, their error mapping, body limit
 * and response headers. Never component-scanned; the bootstrap (or a host) imports it and supplies
 * the use cases and a {@link CallerResolver}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ChatMessagesController.class, ChatSessionsController.class, ChatWebSocketTicketController.class,
        ChatOpenApiConfiguration.class})
public class ChatRestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ChatRestSettings chatRestSettings() {
        return ChatRestSettings.defaults();
    }

    @Bean
    ChatRestMvcConfigurer chatRestMvcConfigurer(ChatRestSettings settings, CallerResolver callerResolver) {
        return new ChatRestMvcConfigurer(settings, callerResolver);
    }

    @Bean
    ChatApiExceptionResolver chatApiExceptionResolver(ChatRestSettings settings) {
        return new ChatApiExceptionResolver(new ChatFailures(settings), new ChatErrorWriter(ChatJson.mapper(settings)));
    }

    @Bean
    FilterRegistrationBean<ApiResponseHeadersFilter> chatApiResponseHeadersFilter() {
        FilterRegistrationBean<ApiResponseHeadersFilter> registration = new FilterRegistrationBean<>(new ApiResponseHeadersFilter());
        registration.addUrlPatterns(ChatApiPaths.FILTER_PATTERN);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> chatRequestBodyLimitFilter(ChatRestSettings settings) {
        RequestBodyLimitFilter filter = new RequestBodyLimitFilter(settings, new ChatFailures(settings),
                new ChatErrorWriter(ChatJson.mapper(settings)));
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(ChatApiPaths.FILTER_PATTERN);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Ahead of every filter on the error dispatch (Spring Security's too), for chat paths only. */
    @Bean
    FilterRegistrationBean<ChatErrorDispatchFilter> chatErrorDispatchFilter(ChatRestSettings settings) {
        FilterRegistrationBean<ChatErrorDispatchFilter> registration = new FilterRegistrationBean<>(
                new ChatErrorDispatchFilter(new ChatFailures(settings), new ChatErrorWriter(ChatJson.mapper(settings))));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** What an embedded Tomcat refuses before the application runs; other servers keep their own pages. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReports {

        @Bean
        ChatTomcatErrorReports chatTomcatErrorReports(ChatRestSettings settings) {
            return new ChatTomcatErrorReports(new ChatFailures(settings), new ChatErrorWriter(ChatJson.mapper(settings)));
        }
    }
}
