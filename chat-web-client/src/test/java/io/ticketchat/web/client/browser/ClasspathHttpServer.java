package io.ticketchat.web.client.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * Serves classpath folders over HTTP on a free loopback port. ES modules don't load from file:// URLs,
 * so browser tests of static pages go through this instead of a whole Spring application.
 */
public final class ClasspathHttpServer implements AutoCloseable {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json");

    private final HttpServer server;

    private ClasspathHttpServer(HttpServer server) {
        this.server = server;
    }

    /** @param mounts URL prefix (e.g. "/ticket-chat/") to classpath folder (e.g. "META-INF/resources/ticket-chat/") */
    public static ClasspathHttpServer start(Map<String, String> mounts) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            mounts.forEach((prefix, folder) ->
                    server.createContext(prefix, exchange -> serve(exchange, prefix, folder)));
            server.start();
            return new ClasspathHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void serve(HttpExchange exchange, String prefix, String folder) throws IOException {
        try (exchange) {
            String relative = exchange.getRequestURI().getPath().substring(prefix.length());
            if (relative.contains("..") || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = ClasspathHttpServer.class.getClassLoader().getResourceAsStream(folder + relative)) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                String extension = relative.substring(relative.lastIndexOf('.') + 1);
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
