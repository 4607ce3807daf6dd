package dev.paracite.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 server that answers one streamed request by a script: it sends the given chunks
 * with pauses, then either ends the stream properly, cuts the connection, or goes quiet. It records
 * when the client hangs up. WireMock cannot stop half-way through a body; this can.
 */
public final class ScriptedServer implements AutoCloseable {

    /** How the stream ends: properly, by a reset connection, or by going quiet. */
    public enum Ending { COMPLETE, CUT, STALL }

    private final ServerSocket socket;
    private final Thread thread;
    private final CountDownLatch clientGone = new CountDownLatch(1);

    public ScriptedServer(List<String> chunks, long pauseMillis, Ending ending) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(chunks, pauseMillis, ending), "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** Whether the client closed its side within {@code millis}. */
    public boolean clientHungUp(long millis) throws InterruptedException {
        return clientGone.await(millis, TimeUnit.MILLISECONDS);
    }

    private void serve(List<String> chunks, long pauseMillis, Ending ending) {
        try (Socket client = socket.accept()) {
            InputStream in = client.getInputStream();
            readRequest(in);
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String chunk : chunks) {
                byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(pauseMillis);
            }
            switch (ending) {
                case COMPLETE -> {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    awaitHangUp(client, in, 5_000);
                }
                case CUT -> client.setSoLinger(true, 0); // closing now resets the connection mid-body
                case STALL -> awaitHangUp(client, in, 30_000);
            }
        } catch (IOException | InterruptedException e) {
            clientGone.countDown();
        }
    }

    /** Blocks until the client closes the connection (or the bound passes), then records it. */
    private void awaitHangUp(Socket client, InputStream in, int millis) {
        try {
            client.setSoTimeout(millis);
            while (in.read() >= 0) {
                // drain
            }
            clientGone.countDown();
        } catch (java.net.SocketTimeoutException e) {
            // still connected when the bound passed
        } catch (IOException e) {
            clientGone.countDown();
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                in.readNBytes(length);
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
