package dev.paracite.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small JDK HttpClient wrapper for functional tests against a server on a free port. */
final class Http {

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return Http.json(body);
        }
    }

    record Event(String name, JsonNode data) {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply stream(String body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/ask/stream")).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses a text/event-stream body into events with JSON data. */
    static List<Event> events(String body) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).replaceFirst("^ ", ""));
                }
            }
            if (data.length() > 0) {
                events.add(new Event(name, MAPPER.readTree(data.toString())));
            }
        }
        return events;
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    static String question(String text) {
        try {
            return MAPPER.writeValueAsString(java.util.Map.of("question", text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
