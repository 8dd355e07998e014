package io.ticketchat.web.client;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Serves text files gzip-compressed to clients that accept it, whatever the host's
 * {@code server.compression} says. The files come from a jar and never change while the application
 * runs, so each is compressed once, at the highest level, and the bytes are kept (a few kilobytes).
 */
final class GzipResourceResolver extends AbstractResourceResolver {

    private static final Set<String> COMPRESSIBLE = Set.of("js", "mjs", "css", "html", "svg", "json", "txt", "map");

    private final ConcurrentMap<String, byte[]> compressed = new ConcurrentHashMap<>();

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                                               List<? extends Resource> locations, ResourceResolverChain chain) {
        Resource resource = chain.resolveResource(request, requestPath, locations);
        if (resource == null || request == null || !acceptsGzip(request) || !isCompressible(resource)) {
            return resource;
        }
        byte[] bytes = compressed.computeIfAbsent(resource.getDescription(), key -> gzip(resource));
        return new GzippedResource(resource, bytes);
    }

    @Override
    protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (header == null) {
            return false;
        }
        for (String coding : header.split(",")) {
            String[] parts = coding.trim().toLowerCase(Locale.ROOT).split(";");
            if ((parts[0].equals("gzip") || parts[0].equals("*")) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].replace(" ", "");
            if (parameter.matches("q=0(\\.0{0,3})?")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCompressible(Resource resource) {
        String name = resource.getFilename();
        return name != null && COMPRESSIBLE.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    private static byte[] gzip(Resource resource) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = resource.getInputStream();
             GZIPOutputStream zip = new GZIPOutputStream(out) {
                 {
                     def.setLevel(Deflater.BEST_COMPRESSION);
                 }
             }) {
            in.transferTo(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compress " + resource.getDescription(), e);
        }
        return out.toByteArray();
    }

    /** The compressed bytes of a file, named and dated like the file, with the headers that say so. */
    private static final class GzippedResource extends AbstractResource implements HttpResource {

        private final Resource original;
        private final byte[] bytes;

        GzippedResource(Resource original, byte[] bytes) {
            this.original = original;
            this.bytes = bytes;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public long lastModified() throws IOException {
            return original.lastModified();
        }

        @Override
        public String getFilename() {
            return original.getFilename();
        }

        @Override
        public String getDescription() {
            return "gzip of " + original.getDescription();
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            return headers;
        }
    }
}
