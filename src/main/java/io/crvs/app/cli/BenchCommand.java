package io.crvs.app.cli;

import io.crvs.app.bench.TokenBench;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crvs bench …}: load benchmarks over real HTTP on loopback. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks.",
        subcommands = {BenchCommand.Token.class, BenchCommand.Notify.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Start a server (fresh data folder, or CRVS_DB_URL), warm it up, then measure POST /token at "
                    + "each concurrency, the raw RS256 signing rate, and GET /whoami.")
    static final class Token implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--warmup", defaultValue = "90", description = "Warm-up seconds (default 90; a JVM on 2 cores needs one to three minutes).")
        double warmup;

        @Option(names = "--duration", defaultValue = "20", description = "Seconds per measured step (default 20).")
        double duration;

        @Option(names = "--concurrency", split = ",", defaultValue = "4,16,64", description = "Concurrent clients (default 4,16,64).")
        List<Integer> concurrency;

        @Option(names = "--no-whoami", description = "Skip the GET /whoami measurement.")
        boolean noWhoami;

        @Override
        public Integer call() throws Exception {
            new TokenBench(System.out).run(warmup, duration, concurrency, !noWhoami);
            return 0;
        }
    }

    @Command(name = "notify", mixinStandardHelpOptions = true,
            description = "Start a server (fresh data folder, or CRVS_DB_URL for PostgreSQL), warm it up, then post "
                    + "realistic birth notifications to POST /notification at each concurrency.")
    static final class Notify implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--warmup", defaultValue = "90", description = "Warm-up seconds (default 90).")
        double warmup;

        @Option(names = "--duration", defaultValue = "20", description = "Seconds per measured step (default 20).")
        double duration;

        @Option(names = "--concurrency", split = ",", defaultValue = "4,16,64", description = "Concurrent clients (default 4,16,64).")
        List<Integer> concurrency;

        @Override
        public Integer call() throws Exception {
            new io.crvs.app.bench.NotifyBench(System.out).run(warmup, duration, concurrency);
            return 0;
        }
    }
}
