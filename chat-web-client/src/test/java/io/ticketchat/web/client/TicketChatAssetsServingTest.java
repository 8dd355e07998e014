package io.ticketchat.web.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's files as a real Spring MVC server with Spring Security serves them
 * ({@link TicketChatWebClientAutoConfiguration}): versioned URLs cached for a year, the unversioned ones
 * revalidated by version, gzip for browsers that accept it.
 */
class TicketChatAssetsServingTest {

    private static final Logger log = LoggerFactory.getLogger(TicketChatAssetsServingTest.class);

    private static ConfigurableApplicationContext host;
    private static TicketChatAssets assets;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startHost() {
        host = SpringTestHost.start();
        assets = host.getBean(TicketChatAssets.class);
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void versionedFilesAreCachedForAYearAndSentCompressed() throws Exception {
        assertThat(assets.modules()).containsExactlyInAnyOrder("ticket-chat.js", "ticket-chat-client.js");
        for (String module : assets.modules()) {
            byte[] original = classpathFile(module);

            HttpResponse<byte[]> response = get(assets.url(module), "Accept-Encoding", "gzip, deflate, br, zstd");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
            assertThat(gunzip(response.body())).isEqualTo(original);
            assertThat(response.body().length).isLessThan(original.length * 35 / 100);
            log.info("{}: {} bytes, {} gzip-compressed ({}%)", module, original.length, response.body().length,
                    response.body().length * 100 / original.length);
        }
    }

    @Test
    void aBrowserThatAcceptsNoCompressionGetsTheFileAsIs() throws Exception {
        HttpResponse<byte[]> response = get(assets.url("ticket-chat-client.js"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEqualTo(classpathFile("ticket-chat-client.js"));
        assertThat(get(assets.url("ticket-chat.js"), "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void theUnversionedUrlsStayAndAreRevalidatedByVersion() throws Exception {
        for (String module : assets.modules()) {
            HttpResponse<byte[]> response = get("/ticket-chat/" + module);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isEqualTo("W/\"" + assets.version() + "\"");
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .endsWith("export * from './" + assets.version() + "/" + module + "';\n");

            HttpResponse<byte[]> again = get("/ticket-chat/" + module, "If-None-Match", etag);

            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        assertThat(get("/ticket-chat/ticket-chat.js", "If-None-Match", "W/\"0123456789abcdef\"").statusCode()).isEqualTo(200);
    }

    @Test
    void theVersionIsADigestOfTheFilesAndUnknownFilesAreNotFound() throws Exception {
        assertThat(assets.version()).matches("[0-9a-f]{16}");
        assertThat(get("/ticket-chat/" + assets.version() + "/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/ticket-chat/0123456789abcdef/ticket-chat.js").statusCode()).isEqualTo(404);
        assertThat(get("/ticket-chat/missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoPageNamesItsFavicon() throws Exception {
        String page = new String(get("/demo/index.html").body(), StandardCharsets.UTF_8);
        Matcher icon = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\" type=\"image/svg\\+xml\">").matcher(page);
        assertThat(icon.find()).as("a <link rel=icon> in the demo page").isTrue();

        HttpResponse<byte[]> favicon = get("/demo/" + icon.group(1));

        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(new String(favicon.body(), StandardCharsets.UTF_8)).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(SpringTestHost.uri(host, path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] classpathFile(String name) {
        try (InputStream in = TicketChatAssetsServingTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/ticket-chat/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
