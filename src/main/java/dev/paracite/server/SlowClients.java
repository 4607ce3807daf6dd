package dev.paracite.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for reading a request: a connection that has begun a request and not finished sending its
 * headers and body within {@code limit} is closed. Jetty's idle timeout starts again with every byte, so
 * a client sending one byte every few seconds (slowloris) would otherwise hold a connection and a
 * thread for as long as it likes. A body earns more time with every byte that arrives, at the rate of
 * {@link #MIN_BYTES_PER_SECOND}, so that a large upload on a slow link is not cut off while a trickle still
 * is. Idle keep-alive connections, with no request begun, are left to the idle timeout.
 */
final class SlowClients implements Connection.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClients.class);
    private static final long SWEEP_MILLIS = 250;
    /** A 20 MB upload takes 20 minutes at this rate, far slower than any real link; a slowloris sends far less. */
    static final long MIN_BYTES_PER_SECOND = 16 * 1024;

    /** A request being read: which one (by the connection's count of requests) and since when. */
    private record Reading(long request, long sinceNanos) {}

    private final long limitNanos;
    private final Map<HttpConnection, Reading> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paracite-slow-clients");
        t.setDaemon(true);
        return t;
    });

    private SlowClients(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /** Watches every connection {@code connector} opens from now on. */
    static SlowClients watch(Connector connector, Duration limit) {
        SlowClients slow = new SlowClients(limit);
        connector.addEventListener(slow);
        slow.sweeper.scheduleWithFixedDelay(slow::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        return slow;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            connections.put(http, new Reading(-1, 0));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        connections.remove(connection);
    }

    private void sweep() {
        long now = System.nanoTime();
        connections.replaceAll((connection, reading) -> {
            HttpParser parser = connection.getParser();
            boolean midRequest = !parser.isStart() && (parser.inHeaderState() || parser.inContentState());
            if (!midRequest) {
                return new Reading(-1, 0);
            }
            long request = connection.getMessagesIn();
            if (reading.request() != request) {
                return new Reading(request, now);
            }
            long earned = parser.inContentState() ? parser.getContentRead() * 1_000_000_000L / MIN_BYTES_PER_SECOND : 0;
            if (now - reading.sinceNanos() > limitNanos + earned) {
                LOG.info("closing a connection from {} that took over {} ms to send its request",
                        connection.getEndPoint().getRemoteSocketAddress(), limitNanos / 1_000_000);
                connection.getEndPoint().close();
            }
            return reading;
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
