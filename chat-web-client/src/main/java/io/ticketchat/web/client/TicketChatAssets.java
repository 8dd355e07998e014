package io.ticketchat.web.client;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The web client's files in this jar and the version that names them in cacheable URLs: a digest of
 * their contents, so it changes exactly when a file does (a rebuilt jar with equal files keeps it, and
 * reproducible builds' fixed timestamps can't hide a change the way Last-Modified would).
 *
 * <p>{@code /ticket-chat/{version}/ticket-chat.js} never changes and may be cached for good; the
 * unversioned {@code /ticket-chat/ticket-chat.js} that pages name is a one-line module re-exporting it.
 */
public final class TicketChatAssets {

    /** Where the files are served. */
    public static final String URL_PREFIX = "/ticket-chat/";
    static final String LOCATION = "classpath:/META-INF/resources/ticket-chat/";

    private final String version;
    private final List<String> modules;

    TicketChatAssets(String version, List<String> modules) {
        if (version == null || !version.matches("[0-9a-z]{4,64}")) {
            throw new IllegalArgumentException("version must be 4-64 lowercase letters or digits");
        }
        this.version = version;
        this.modules = List.copyOf(modules);
    }

    /** Reads the files once and derives their version. */
    public static TicketChatAssets load(ResourcePatternResolver resolver) {
        try {
            Resource[] files = resolver.getResources(LOCATION + "*");
            Arrays.sort(files, Comparator.comparing(file -> Objects.requireNonNullElse(file.getFilename(), "")));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> modules = new java.util.ArrayList<>();
            for (Resource file : files) {
                String name = file.getFilename();
                if (name == null || name.isEmpty() || !file.isReadable()) {
                    continue;
                }
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
                if (name.endsWith(".js")) {
                    modules.add(name);
                }
            }
            if (modules.isEmpty()) {
                throw new IllegalStateException("No web client modules found at " + LOCATION);
            }
            return new TicketChatAssets(HexFormat.of().formatHex(digest.digest(), 0, 8), modules);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the web client files at " + LOCATION, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version in the cacheable URLs, 16 hex digits. */
    public String version() {
        return version;
    }

    /** The immutable URL of one of the files, e.g. {@code /ticket-chat/3f2a…/ticket-chat.js}, for pages that name it directly. */
    public String url(String file) {
        return URL_PREFIX + version + "/" + file;
    }

    /** The ES modules (top-level {@code .js} files) that the unversioned URLs re-export. */
    public List<String> modules() {
        return modules;
    }

    /** The unversioned module {@code file}: it re-exports the versioned one, so importers get the same module instance. */
    String loaderFor(String file) {
        return "// <ticket-chat> " + version + ": revalidated on each load; the module below is cached for a year.\n"
                + "export * from './" + version + "/" + file + "';\n";
    }
}
