package io.ticketchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sequential GETs with a bearer token over one kept-alive HTTP/1.1 connection, timed request by request. */
final class HttpProbe implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    HttpProbe(String token) {
        this.token = token;
    }

    String get(URI uri) {
        try {
            HttpResponse<String> response = http.send(request(uri), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri.getPath() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri.getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends {@code count} requests unmeasured, until the JIT has compiled what they run. */
    void warmUp(URI uri, int count) {
        for (int i = 0; i < count; i++) {
            get(uri);
        }
    }

    /** Records {@code count} request latencies (sending to the last body byte). */
    LatencyStats.Summary measure(URI uri, int count) {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            get(uri);
            stats.recordNanos(System.nanoTime() - start);
        }
        return stats.snapshot();
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
    }

    @Override
    public void close() {
        http.close();
    }
}
