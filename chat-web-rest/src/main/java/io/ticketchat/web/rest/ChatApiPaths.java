package io.ticketchat.web.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * Where the chat's HTTP addresses live: the REST API and the socket's handshake. The chat's error
 * handling and headers apply there and nowhere else in a host.
 */
final class ChatApiPaths {

    static final String BASE = "/api/chat";
    static final String FILTER_PATTERN = BASE + "/*";
    /** The socket adapter's default path; its handshake refusals take the same error path as the API's. */
    static final String SOCKET = "/ws/chat";

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private ChatApiPaths() {
    }

    static boolean isApiRequest(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    /**
     * Whether a path within the application, as the client sent it (undecoded: it may be one that
     * could not be decoded), addresses the chat. Matrix parameters ({@code /ws/chat;x}) count.
     */
    static boolean isChatPath(String path) {
        return path != null && (isUnder(path, BASE) || isUnder(path, SOCKET));
    }

    private static boolean isUnder(String path, String base) {
        if (!path.startsWith(base)) {
            return false;
        }
        if (path.length() == base.length()) {
            return true;
        }
        char next = path.charAt(base.length());
        return next == '/' || next == ';' || next == '?' || next == '%';
    }
}
