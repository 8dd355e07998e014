package io.ticketchat.web.client;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers the unversioned module URLs ({@code /ticket-chat/ticket-chat.js}) with a one-line module that
 * re-exports the versioned file. Pages keep the URL the README gives them and still get the year-long
 * cache; relative imports inside the versioned modules stay within that version.
 */
final class ModuleLoaderResolver extends AbstractResourceResolver {

    private final TicketChatAssets assets;

    ModuleLoaderResolver(TicketChatAssets assets) {
        this.assets = assets;
    }

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                                               List<? extends Resource> locations, ResourceResolverChain chain) {
        if (!assets.modules().contains(requestPath)) {
            return chain.resolveResource(request, requestPath, locations);
        }
        return new LoaderResource(requestPath, assets.loaderFor(requestPath));
    }

    @Override
    protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    /** A generated module; it has no date, so freshness goes by the version's ETag. */
    private static final class LoaderResource extends ByteArrayResource {

        private final String filename;

        LoaderResource(String filename, String source) {
            super(source.getBytes(StandardCharsets.UTF_8), "loader of " + filename);
            this.filename = filename;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return -1;
        }
    }
}
