package io.ticketchat.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A server under test in a JVM of its own, so its heap and RSS are its own and not the generator's.
 * Output goes to a log file; {@link #close()} stops it (gracefully first).
 */
final class ServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);

    private final Process process;
    private final Path logFile;
    private volatile LongSupplier statements = () -> 0;

    private ServerProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code command} and waits until {@code readyUrl} answers (any status below 500). */
    static ServerProcess start(List<String> command, Map<String, String> environment, Path logFile, URI readyUrl, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.getFirst(), e);
        }
        ServerProcess server = new ServerProcess(process, logFile);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + logFile);
                }
                try {
                    int status = http.send(HttpRequest.newBuilder(readyUrl).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status < 500) {
                        log.info("server pid {} ready at {}", process.pid(), readyUrl);
                        return server;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        throw new IllegalStateException("server not ready within " + timeout + "; see " + logFile);
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** Resident set size of the server JVM in KiB, from /proc. */
    long rssKib() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * CPU time (user + system) used so far, in milliseconds: the server JVM itself and, separately, its
     * child processes (the embedded MariaDB). Read from /proc/&lt;pid&gt;/stat at 100 ticks per second.
     */
    CpuTime cpuTime() {
        long own = ticks(process.pid());
        long children = process.descendants().mapToLong(child -> ticks(child.pid())).sum();
        return new CpuTime(own * 10, children * 10, statements.getAsLong());
    }

    /**
     * Counts the statements the database server has received so far (its {@code Questions} status), so
     * that each step can report the statements per message. Without a database it stays 0.
     */
    void countStatementsWith(LongSupplier counter) {
        this.statements = counter;
    }

    /** @param statements statements the database received (0 when no counter is set) */
    record CpuTime(long serverMillis, long childMillis, long statements) {

        CpuTime since(CpuTime start) {
            return new CpuTime(serverMillis - start.serverMillis, childMillis - start.childMillis, statements - start.statements);
        }
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Asks the server JVM for a full GC (jcmd GC.run) so that heap readings hold live data only. */
    void collectGarbage() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("jcmd GC.run failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live-object class histogram (jcmd GC.class_histogram): what the heap per socket is made of. */
    void writeHeapHistogram(Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process histogram = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            histogram.waitFor(120, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("jcmd GC.class_histogram failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
