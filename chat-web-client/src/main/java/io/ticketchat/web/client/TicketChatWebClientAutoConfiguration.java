package io.ticketchat.web.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Serves the web client so that browsers cache it and download it compressed, in every Spring MVC
 * application that has this jar (the standalone service and hosts alike):
 * <ul>
 *   <li>{@code /ticket-chat/{version}/**}: the files, {@code Cache-Control: public, max-age=31536000,
 *       immutable}; the version is a digest of the files, so a changed file gets a new URL.</li>
 *   <li>{@code /ticket-chat/**}, the URLs pages name: {@code no-cache} with the version as ETag (a 304 on
 *       every later load); a module there is a one-line re-export of its versioned file.</li>
 * </ul>
 * Text files go out gzip-compressed when the browser accepts it (about a quarter of their size).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
public class TicketChatWebClientAutoConfiguration {

    static final Duration IMMUTABLE_FOR = Duration.ofDays(365);

    @Bean
    @ConditionalOnMissingBean
    TicketChatAssets ticketChatAssets(ResourceLoader resourceLoader) {
        return TicketChatAssets.load(ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
    }

    @Bean
    WebMvcConfigurer ticketChatResourceHandlers(TicketChatAssets assets) {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler(TicketChatAssets.URL_PREFIX + assets.version() + "/**")
                        .addResourceLocations(TicketChatAssets.LOCATION)
                        .setCacheControl(CacheControl.maxAge(IMMUTABLE_FOR).cachePublic().immutable())
                        .resourceChain(true)
                        .addResolver(new GzipResourceResolver());
                registry.addResourceHandler(TicketChatAssets.URL_PREFIX + "**")
                        .addResourceLocations(TicketChatAssets.LOCATION)
                        .setCacheControl(CacheControl.noCache())
                        // Dates can't tell versions apart (reproducible jars share one timestamp); the version can.
                        .setUseLastModified(false)
                        .setEtagGenerator(resource -> "W/\"" + assets.version() + "\"")
                        .resourceChain(false)
                        .addResolver(new ModuleLoaderResolver(assets))
                        .addResolver(new GzipResourceResolver());
            }
        };
    }
}
