package dev.paracite;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written by hand on a socket the test controls: to leave mid-answer, to send from another
 * loopback address, which an HTTP client library does not allow.
 */
public final class RawHttp {

    private RawHttp() {}

    /** Writes {@code POST path} with a JSON body; {@code accept} and {@code extraHeaders} may be empty. */
    public static void postJson(Socket socket, String path, String accept, String extraHeaders, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (accept.isEmpty() ? "" : "Accept: " + accept + "\r\n") + extraHeaders
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
