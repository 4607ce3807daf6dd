package dev.paracite.retrieval.solr;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;

/** Answers for a fake Solr at the HTTP boundary, in javabin as SolrJ asks for them. */
final class FakeSolr {

    private FakeSolr() {}

    /** A 200 with a response header and the entries of {@code body}. */
    static void answer(HttpExchange exchange, NamedList<Object> body) throws IOException {
        NamedList<Object> header = new NamedList<>();
        header.add("status", 0);
        header.add("QTime", 0);
        NamedList<Object> response = new NamedList<>();
        response.add("responseHeader", header);
        body.forEach(response::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JavaBinCodec codec = new JavaBinCodec()) {
            codec.marshal(response, bytes);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, bytes.size());
        exchange.getResponseBody().write(bytes.toByteArray());
        exchange.close();
    }
}
