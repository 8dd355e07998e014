package io.ticketchat.web.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/** Where the adapter's API lives; its error handling and headers apply there and nowhere else in a host. */
final class ChatApiPaths {

    static final String BASE = "/api/chat";
    static final String FILTER_PATTERN = BASE + "/*";

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private ChatApiPaths() {
    }

    static boolean isApiRequest(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }
}
