package dev.paracite;

import dev.paracite.provider.Fakes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible model server that misbehaves at random, one behaviour a request: answers (plain
 * or streamed), hangs without a word, answers 500, answers 429 with {@code Retry-After: 1}, or cuts its
 * stream halfway. Raw sockets, one thread a connection, {@code Connection: close} on every reply; for
 * the chaos run only.
 */
final class ChaosModel implements AutoCloseable {

    enum Behaviour { ANSWER, SLOW_ANSWER, HANG, ERROR_500, RATE_LIMITED, CUT_STREAM }

    private static final String ANSWER = "The ruble should become a reserve currency [8].";

    private final ServerSocket socket;
    private final Random random;
    private final Map<Behaviour, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ChaosModel(long seed) throws IOException {
        this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.random = new Random(seed);
        Thread acceptor = new Thread(this::accept, "chaos-model");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    Map<Behaviour, AtomicInteger> served() {
        return served;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "chaos-model-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private Behaviour pick() {
        synchronized (random) {
            int r = random.nextInt(100);
            return r < 40 ? Behaviour.ANSWER : r < 55 ? Behaviour.SLOW_ANSWER : r < 67 ? Behaviour.HANG
                    : r < 77 ? Behaviour.ERROR_500 : r < 89 ? Behaviour.RATE_LIMITED : Behaviour.CUT_STREAM;
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            String request = read(in);
            boolean streamed = request.replace(" ", "").contains("\"stream\":true");
            Behaviour b = pick();
            served.computeIfAbsent(b, k -> new AtomicInteger()).incrementAndGet();
            switch (b) {
                case ANSWER -> reply(out, streamed);
                case SLOW_ANSWER -> {
                    Thread.sleep(1_000);
                    reply(out, streamed);
                }
                case HANG -> {
                    // say nothing until the caller gives up and closes
                    while (in.read() >= 0) {
                        // discard
                    }
                }
                case ERROR_500 -> send(out, 500, "application/json", "{\"error\":{\"message\":\"boom\"}}", "");
                case RATE_LIMITED -> send(out, 429, "application/json", "{\"error\":{\"message\":\"slow down\"}}",
                        "Retry-After: 1\r\n");
                case CUT_STREAM -> {
                    if (streamed) {
                        String chunk = Fakes.openAiChunksEnding(null, "The ruble should ").get(0);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + chunk)
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    // plain or streamed, the connection ends here, mid-reply
                }
                default -> throw new IllegalStateException(b.toString());
            }
        } catch (IOException | InterruptedException e) {
            // the caller left; nothing to do
        } finally {
            open.remove(client);
        }
    }

    private static void reply(OutputStream out, boolean streamed) throws IOException {
        if (streamed) {
            send(out, 200, "text/event-stream", Fakes.openAiStream("The ruble should ", "become a reserve currency [8]."), "");
        } else {
            send(out, 200, "application/json", Fakes.openAiReply(ANSWER), "");
        }
    }

    private static void send(OutputStream out, int status, String type, String body, String headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    /** The request's head and body (by Content-Length). */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
