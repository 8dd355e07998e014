package io.ticketchat.reliability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 in front of the database, to play an outage without root or Docker:
 * {@link #cut()} kills every open connection and refuses new ones (the port stays reserved but no one
 * listens), {@link #restore()} listens again on the same port. {@link #freeze()} plays a database that
 * stops answering without closing anything (a hung server, a SIGSTOP, a silent network): connections
 * stay open and new ones are accepted, but no byte goes through either way until {@link #thaw()}.
 */
final class TcpProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private final Object thawed = new Object();
    private volatile boolean frozen;

    private TcpProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    static TcpProxy start(String targetHost, int targetPort) {
        try {
            ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(targetHost, targetPort, first.getLocalPort());
            proxy.listen(first);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** The outage: no new connection is accepted and every open one is reset. */
    synchronized void cut() {
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("Closing the proxy listener failed: {}", e.toString());
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** The database stops answering: bytes already sent and bytes to come are held, nothing is closed. */
    void freeze() {
        frozen = true;
    }

    /** The database answers again: what was held goes through. */
    void thaw() {
        synchronized (thawed) {
            frozen = false;
            thawed.notifyAll();
        }
    }

    private void awaitThaw() throws IOException {
        synchronized (thawed) {
            while (frozen) {
                try {
                    thawed.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while frozen", e);
                }
            }
        }
    }

    /** The database is back. */
    synchronized void restore() {
        try {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(again);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread.ofPlatform().daemon().name("tcp-proxy-accept-" + port).start(() -> accept(socket));
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException unreachable) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                log.debug("Proxy accept loop ends: {}", e.toString());
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitThaw();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                log.trace("Proxy pipe ends: {}", e.toString());
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            // Linger 0: a reset, as when a network path or a server dies, not a polite FIN.
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            log.trace("Closing a proxied socket failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thaw();
        cut();
    }
}
