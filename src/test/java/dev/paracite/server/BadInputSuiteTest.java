package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of generated bad requests, sent as raw HTTP/1.1 over a socket so that nothing is cleaned up
 * on the way: every reply must be a 4xx JSON error with no stack trace and no payload echoed as HTML,
 * and a normal question must still be answered afterwards.
 */
class BadInputSuiteTest {

    private static Server server;

    record Bad(String name, byte[] request) {}

    @BeforeAll
    static void start() {
        server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, ServerSettings.open());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_bad_request_gets_a_4xx_json_error_and_the_server_still_answers() throws IOException {
        List<Bad> suite = both(suite());
        assertTrue(suite.size() >= 300, "suite size " + suite.size());
        List<String> wrong = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Bad bad : suite) {
            Raw reply = send(bad.request());
            String problem = null;
            if (reply.status < 400 || reply.status >= 500) {
                problem = "status " + reply.status;
            } else if (!reply.contentType.startsWith("application/json")) {
                problem = "content type " + reply.contentType;
            } else {
                JsonNode body = json.readTree(reply.body);
                if (!body.hasNonNull("error") || !body.hasNonNull("message") || body.size() != 2) {
                    problem = "body " + reply.body;
                } else if (reply.body.matches("(?s).*(Exception|\\bat [a-z]+\\.[a-z]|\\.java|<script|<img|<html).*")) {
                    problem = "leaks: " + reply.body;
                }
            }
            if (problem != null) {
                wrong.add(bad.name() + ": " + problem);
            }
        }
        System.out.println("bad-input suite: " + suite.size() + " requests sent, " + wrong.size() + " wrong");
        assertEquals(List.of(), wrong);
        Http.Reply normal = new Http(server.port()).postJson("/api/ask", Http.question("What role should the ruble play?"));
        assertEquals(200, normal.status());
        assertTrue(normal.body().contains("[8]"));
    }

    static List<Bad> suite() {
        List<Bad> suite = new ArrayList<>();
        String valid = "{\"question\": \"What role should the ruble play?\", \"history\": [{\"role\": \"user\", \"content\": \"hi\"}], \"topK\": 5}";
        for (int cut = 0; cut < valid.length() - 1; cut += 2) {
            suite.add(ask("truncated at " + cut, valid.substring(0, cut)));
        }
        String[] invalidJson = {"{", "}", "[", "{]", "{\"question\"}", "{\"question\": }", "{'question': 'q'}",
                "{question: \"q\"}", "{\"question\": \"q\",}", "{\"question\": \"q\" \"topK\": 5}", "nul", "tru",
                "{\"question\": \"q\"}}", "{\"question\": \"\\x41\"}", "{\"question\": \"\\u12\"}", "\"\\", "<xml/>",
                "question=q", "{\"question\": NaN}", "{\"topK\": Infinity, \"question\": \"q\"}", "/* c */ {}",
                "{\"question\": \"q\"} {\"question\": \"q\"}", "{\"a\":1,\"a\":2}", "[1,2", "{\"question\": 'q'}"};
        for (String body : invalidJson) {
            suite.add(ask("invalid json " + body, body));
        }
        String[] wrongTypes = {"1", "true", "false", "null", "\"q\"", "[]", "{}", "[{\"question\": \"q\"}]", "1.5"};
        for (String value : wrongTypes) {
            if (!value.equals("\"q\"")) {
                suite.add(ask("question as " + value, "{\"question\": " + value + "}"));
            }
            if (!value.equals("1") && !value.equals("null")) {
                suite.add(ask("topK as " + value, "{\"question\": \"q\", \"topK\": " + value + "}"));
            }
            if (!value.equals("null") && !value.equals("[]")) {
                suite.add(ask("history as " + value, "{\"question\": \"q\", \"history\": " + value + "}"));
            }
        }
        for (String topK : new String[] {"0", "-1", "21", "1000", "-2147483649", "99999999999999999999", "1e3", "5.5", "\"5\""}) {
            suite.add(ask("topK " + topK, "{\"question\": \"q\", \"topK\": " + topK + "}"));
        }
        for (int n : new int[] {2_001, 5_000, 20_000, 60_000}) {
            suite.add(ask("question of " + n, "{\"question\": \"" + "x".repeat(n) + "\"}"));
        }
        suite.add(ask("body over 64 KiB", "{\"question\": \"" + "y".repeat(70_000) + "\"}"));
        suite.add(ask("history turn too long", "{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \""
                + "z".repeat(10_001) + "\"}]}"));
        for (int depth : new int[] {100, 2_000, 20_000}) {
            suite.add(ask("nested arrays " + depth, "{\"question\": " + "[".repeat(depth) + "]".repeat(depth) + "}"));
            suite.add(ask("nested objects " + depth, "{\"question\": \"q\", \"x\": " + "{\"a\":".repeat(depth) + "1"
                    + "}".repeat(depth) + "}"));
        }
        for (String c : new String[] {"\\u0000", "\\u0001", "\\u0007", "\\u001b[31m", "\\u007f", "\\u0085", "\\u009b"}) {
            suite.add(ask("control " + c, "{\"question\": \"what" + c + "is this\"}"));
            suite.add(ask("control in history " + c, "{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \"a"
                    + c + "\"}]}"));
        }
        int[][] invalidUtf8 = {{0xC3, 0x28}, {0xA0, 0xA1}, {0xE2, 0x28, 0xA1}, {0xF0, 0x28, 0x8C, 0xBC}, {0xFF}, {0xFE, 0xFF},
                {0xC0, 0xAF}, {0xED, 0xA0, 0x80}};
        for (int[] bytes : invalidUtf8) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"question\": \"what ".getBytes(StandardCharsets.UTF_8));
            for (int b : bytes) {
                body.write(b);
            }
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            suite.add(new Bad("invalid utf-8 " + bytes[0], request("POST", "/api/ask", "application/json", body.toByteArray(), "")));
        }
        for (String field : new String[] {"mode", "stream", "Question", "question ", "model", "<script>alert(1)</script>", ""}) {
            suite.add(ask("unknown field " + field, "{\"question\": \"q\", " + new com.fasterxml.jackson.databind.node
                    .TextNode(field) + ": 1}"));
        }
        for (String role : new String[] {"system", "tool", "USER", "", "admin", "assistant "}) {
            suite.add(ask("history role " + role, "{\"question\": \"q\", \"history\": [{\"role\": \"" + role + "\", \"content\": \"x\"}]}"));
        }
        StringBuilder thousands = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            thousands.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"q\"}");
        }
        suite.add(ask("3000 turns", "{\"question\": \"q\", \"history\": [" + thousands + "]}"));
        suite.add(ask("21 turns", "{\"question\": \"q\", \"history\": [" + thousands.substring(0, 21 * 31 - 1) + "]}"));
        suite.add(ask("empty body", ""));
        suite.add(ask("whitespace body", "   \n "));
        suite.add(ask("empty question", "{\"question\": \"\"}"));
        suite.add(ask("blank question", "{\"question\": \" \\n\\t \"}"));
        for (String path : new String[] {"/api/ask", "/api/ask/stream", "/api/health", "/api/paragraphs", "/api/paragraphs/8",
                "/api/document"}) {
            for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
                suite.add(new Bad(method + " " + path, request(method, path, "application/json", "{}".getBytes(), "")));
            }
        }
        suite.add(new Bad("GET /api/ask", request("GET", "/api/ask", null, new byte[0], "")));
        suite.add(new Bad("POST /api/health", request("POST", "/api/health", "application/json", "{}".getBytes(), "")));
        for (String type : new String[] {"text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "text/html", "application/jsonx", "application/json-patch+json", "*/*"}) {
            suite.add(new Bad("content type " + type, request("POST", "/api/ask", type, valid.getBytes(), "")));
        }
        suite.add(new Bad("no content type", request("POST", "/api/ask", null, valid.getBytes(), "")));
        suite.add(new Bad("stream without accept", request("POST", "/api/ask/stream", "application/json", valid.getBytes(), "")));
        for (String path : new String[] {"/api/paragraphs/42", "/api/paragraphs/%00", "/api/paragraphs/..%2F..%2Fetc%2Fpasswd",
                "/api/paragraphs/" + "9".repeat(500), "/api/paragraphs/%E2%98%83", "/api/paragraphs/%3Cscript%3E", "/api/nope",
                "/api/ask/", "/nothing.html", "/../../etc/passwd", "/api/paragraphs/8/9", "/%2e%2e/%2e%2e/etc/passwd",
                "/web/index.html", "/api/paragraphs/-1", "/api/paragraphs/preamble%20"}) {
            suite.add(new Bad("path " + path, request("GET", path, null, new byte[0], "")));
        }
        for (int n : new int[] {9_000, 20_000, 100_000}) {
            suite.add(new Bad("url of " + n, request("GET", "/api/paragraphs/" + "a".repeat(n), null, new byte[0], "")));
            suite.add(new Bad("query of " + n, request("GET", "/api/health?x=" + "a".repeat(n), null, new byte[0], "")));
            suite.add(new Bad("header of " + n, request("GET", "/api/health", null, new byte[0], "X-Big: " + "b".repeat(n) + "\r\n")));
        }
        StringBuilder manyHeaders = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            manyHeaders.append("X-H").append(i).append(": v\r\n");
        }
        suite.add(new Bad("2000 headers", request("GET", "/api/health", null, new byte[0], manyHeaders.toString())));
        // (a request line without a version, HTTP/0.9 style, gets Jetty's 505: left out, see the README)
        String[] brokenLines = {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /api/health HTTP/1.1\r\n\r\n",
                "FOO /api/ask HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                "POST /api/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nabcde",
                "GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n", "GET /api\u0000/health HTTP/1.1\r\nHost: x\r\n\r\n"};
        for (String line : brokenLines) {
            suite.add(new Bad("raw " + line.replaceAll("\\s+", " ").strip(), line.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return suite;
    }

    private static Bad ask(String name, String body) {
        return new Bad(name, request("POST", "/api/ask", "application/json", body.getBytes(StandardCharsets.UTF_8), ""));
    }

    /** The same bad body to the stream endpoint too: it must fail as plain JSON before any stream opens. */
    private static List<Bad> both(List<Bad> asks) {
        List<Bad> out = new ArrayList<>(asks);
        for (Bad bad : asks) {
            String raw = new String(bad.request(), StandardCharsets.ISO_8859_1);
            if (raw.startsWith("POST /api/ask HTTP/1.1")) {
                String streamed = raw.replaceFirst("POST /api/ask HTTP/1.1\r\n", "POST /api/ask/stream HTTP/1.1\r\n"
                        + "Accept: text/event-stream\r\n");
                out.add(new Bad("stream " + bad.name(), streamed.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return out;
    }

    private static byte[] request(String method, String path, String contentType, byte[] body, String extraHeaders) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Connection: close\r\n").append(extraHeaders);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private record Raw(int status, String contentType, String body) {}

    private static Raw send(byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before reading everything; read what it said
            }
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int headEnd = reply.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return new Raw(0, "", reply);
            }
            String head = reply.substring(0, headEnd);
            String body = new String(reply.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String type = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring(13).strip();
                }
            }
            return new Raw(status, type, body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
