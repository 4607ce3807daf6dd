package dev.paracite.server;

import dev.paracite.assistant.Call;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Watches the connection of a request being answered and cancels its {@link Call} when the client
 * closes it. Jetty reads nothing while a handler runs, so a client that leaves would otherwise be
 * noticed only when the answer is written; the watch asks to be told when the connection becomes
 * readable, which for a client waiting for its answer means it has closed. Should the client have sent
 * more (a pipelined request, which browsers and HTTP libraries do not do), the byte read is lost, so
 * the response then closes the connection and the client sends that request again.
 */
final class ClientWatch implements AutoCloseable {

    private final EndPoint endPoint;
    private final Call call;
    private boolean closed;
    private boolean readOthers;

    private ClientWatch(EndPoint endPoint, Call call) {
        this.endPoint = endPoint;
        this.call = call;
    }

    /** Starts watching once the request body has been read; a watch that cannot start watches nothing. */
    static ClientWatch start(Context ctx, Call call) {
        EndPoint endPoint = endPoint(ctx);
        ClientWatch watch = new ClientWatch(endPoint, call);
        if (endPoint != null) {
            endPoint.tryFillInterested(watch.callback());
        }
        return watch;
    }

    private static EndPoint endPoint(Context ctx) {
        try {
            return ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                    .getEndPoint();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Callback callback() {
        return new Callback() {
            @Override
            public void succeeded() {
                int read;
                synchronized (ClientWatch.this) {
                    if (closed) {
                        return;
                    }
                    try {
                        // Jetty's buffers are filled from their limit: an empty one with room for one byte
                        read = endPoint.fill(BufferUtil.allocate(1));
                    } catch (IOException e) {
                        read = -1; // a reset: the client is gone just the same
                    }
                    if (read == 0) {
                        endPoint.tryFillInterested(this);
                        return;
                    }
                    if (read > 0) {
                        readOthers = true;
                        return;
                    }
                }
                call.cancel();
            }

            @Override
            public void failed(Throwable x) {
                if (!(x instanceof CancellationException)) {
                    call.cancel();
                }
            }
        };
    }

    /**
     * Stops watching before the response is written, so that Jetty reads the connection's next request
     * itself; true when the connection must close after this response (a byte of a next request was read).
     */
    synchronized boolean stop() {
        if (!closed) {
            closed = true;
            if (endPoint instanceof AbstractEndPoint watched && watched.isFillInterested()) {
                watched.getFillInterest().onFail(new CancellationException("answered"));
            }
        }
        return readOthers;
    }

    @Override
    public void close() {
        stop();
    }
}
