package dev.paracite.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A model server that takes requests and never answers, and records each connection: when its request
 * arrived and when the caller closed it. What WireMock cannot tell: that a call was abandoned.
 */
final class SilentModel implements AutoCloseable {

    /** One connection: when its request came in and when the other side closed it (0 while open). */
    static final class Connection {
        volatile long requestNanos;
        volatile long closedNanos;
    }

    private final ServerSocket socket;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Semaphore requests = new Semaphore(0);
    private final Semaphore closes = new Semaphore(0);
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    SilentModel() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-model");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Connection c = new Connection();
                connections.add(c);
                Thread reader = new Thread(() -> watch(client, c), "silent-model-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads the request and then waits, saying nothing, until the caller closes the connection. */
    private void watch(Socket client, Connection c) {
        try (InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0 && c.requestNanos == 0) {
                    c.requestNanos = System.nanoTime();
                    requests.release();
                }
            }
        } catch (IOException e) {
            // a reset is a close too
        }
        c.closedNanos = System.nanoTime();
        closes.release();
    }

    boolean awaitRequests(int n, long seconds) throws InterruptedException {
        return requests.tryAcquire(n, seconds, TimeUnit.SECONDS);
    }

    boolean awaitCloses(int n, long seconds) throws InterruptedException {
        return closes.tryAcquire(n, seconds, TimeUnit.SECONDS);
    }

    List<Connection> connections() {
        return connections;
    }

    /** Requests received so far. */
    long requested() {
        return connections.stream().filter(c -> c.requestNanos > 0).count();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
