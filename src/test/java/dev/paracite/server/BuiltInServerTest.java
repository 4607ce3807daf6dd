package dev.paracite.server;

import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * For test classes that ask one open server (no keys, no limits) over the built-in document with the
 * extractive model: it starts before the class's tests and stops after them.
 */
abstract class BuiltInServerTest {

    static Server server;
    static Http http;

    @BeforeAll
    static void startBuiltIn() {
        server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, ServerSettings.open());
        http = new Http(server.port());
    }

    @AfterAll
    static void stopBuiltIn() {
        server.close();
    }
}
