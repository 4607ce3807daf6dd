package dev.paracite.bench;

import io.javalin.Javalin;

/**
 * The physical reference for the HTTP benchmarks: a bare Javalin hello-world on the same Javalin and
 * JVM as the product, run as its own process. Prints its port.
 */
public final class HelloServer {

    private HelloServer() {}

    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/", ctx -> ctx.result("Hello World"));
        }).start("127.0.0.1", 0);
        System.out.println("hello at http://127.0.0.1:" + app.port() + "/");
    }
}
