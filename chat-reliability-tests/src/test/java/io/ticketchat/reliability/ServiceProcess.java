package io.ticketchat.reliability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The standalone service as a real, separate JVM ({@code java -jar} the exec jar chat-bootstrap built),
 * so that a test can kill it with SIGKILL or stop it with SIGTERM. Its output goes to a log file under
 * {@code target/service-logs}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service and waits until it reports ready. */
    static ServiceProcess start(String name, String jdbcUrl, int port) {
        Path jar = Path.of(System.getProperty("chat.exec.jar", "../chat-bootstrap/target/chat-bootstrap-0.1.0-SNAPSHOT-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The exec jar " + jar.toAbsolutePath() + " is missing: build with -pl chat-reliability-tests -am");
        }
        Path logs = Path.of("target", "service-logs");
        Path logFile = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(ServiceOptions.arguments(jdbcUrl, port));
        // Start-up time is most of these tests' run time; the API docs are not under test.
        command.addAll(List.of("--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false", "--spring.jmx.enabled=false"));
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            ServiceProcess service = new ServiceProcess(process, port, logFile);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        RestClient rest = new RestClient(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " during start-up; see " + logFile.toAbsolutePath());
            }
            return rest.status("/actuator/health/readiness") == 200;
        });
        log.info("Service pid {} ready on port {} (log {})", process.pid(), port, logFile);
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: Spring's graceful shutdown. @return the exit code */
    int terminate(Duration atMost) {
        process.destroy();
        return awaitExit(atMost);
    }

    private int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the service did not exit within " + atMost);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }
}
