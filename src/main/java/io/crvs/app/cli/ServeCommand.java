package io.crvs.app.cli;

import io.crvs.app.Application;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs serve}: everything on one port until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server (embedded database under --data unless CRVS_DB_URL is set).")
final class ServeCommand implements Runnable {
    @Mixin
    DataOptions data;

    @Option(names = "--port", description = "TCP port (default: $CRVS_PORT or 7070).")
    Integer port;

    @Override
    public void run() {
        var app = Application.serve(data.config(port), Clock.systemUTC());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "crvs-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
