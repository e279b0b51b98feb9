package io.crvs.app.cli;

import io.crvs.app.AppConfig;
import io.crvs.app.Application;
import io.crvs.platform.config.Env;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --data DIR}, shared by every command that opens the database. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (embedded database, keys). Default: $CRVS_DATA or ./data. Ignored for the database when CRVS_DB_URL is set.")
    Path data;

    AppConfig config(Integer port) {
        return AppConfig.load(Env.system(), data, port);
    }

    Application open() {
        return Application.open(config(null), Clock.systemUTC());
    }
}
