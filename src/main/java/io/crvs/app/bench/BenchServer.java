package io.crvs.app.bench;

import io.crvs.app.AppConfig;
import io.crvs.app.Application;
import io.crvs.auth.ClientType;
import io.crvs.auth.IssuedClient;
import io.crvs.auth.NewClient;
import io.crvs.platform.audit.Actor;
import io.crvs.platform.config.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Optional;

/** A real crvs server for a benchmark: in this JVM, on a fresh data folder unless CRVS_DB_URL says otherwise. */
final class BenchServer implements AutoCloseable {
    final Application app;
    final Path dataDir;

    private BenchServer(Application app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    static BenchServer start() throws IOException {
        var dataDir = Files.createTempDirectory("crvs-bench-");
        var env = new HashMap<>(System.getenv());
        env.put("CRVS_HOST", "127.0.0.1");
        var config = AppConfig.load(new Env(env), dataDir, 0);
        return new BenchServer(Application.serve(config, Clock.systemUTC()), dataDir);
    }

    int port() {
        return app.port();
    }

    IssuedClient client(String name) {
        return app.auth().clients().create(new NewClient(ClientType.HEALTH, name, Optional.empty(), Optional.empty()),
                Actor.system("bench"));
    }

    @Override
    public void close() {
        app.close();
    }
}
