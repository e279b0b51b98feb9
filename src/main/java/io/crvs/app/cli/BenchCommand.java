package io.crvs.app.cli;

import io.crvs.app.bench.LoginBench;
import io.crvs.app.bench.NotifyBench;
import io.crvs.app.bench.StartupBench;
import io.crvs.app.bench.TokenBench;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs bench …}: load benchmarks over real HTTP on loopback, server and load generator on one machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks.",
        subcommands = {BenchCommand.Token.class, BenchCommand.Notify.class, BenchCommand.Login.class,
                BenchCommand.Startup.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** How long to warm up and to measure, and at which concurrencies. */
    static final class Load {
        @Option(names = "--warmup", description = "Warm-up seconds (a JVM on 2 cores needs one to three minutes; default: per benchmark).")
        Double warmup;

        @Option(names = "--duration", defaultValue = "20", description = "Seconds per measured step (default 20).")
        double duration;

        @Option(names = "--concurrency", split = ",", description = "Concurrent clients (default: per benchmark).")
        List<Integer> concurrency;

        double warmup(double fallback) {
            return warmup == null ? fallback : warmup;
        }

        List<Integer> concurrency(List<Integer> fallback) {
            return concurrency == null ? fallback : concurrency;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Start a server (fresh data folder, or CRVS_DB_URL), warm it up (90 s), then measure POST /token at "
                    + "4, 16 and 64 clients, the raw RS256 signing rate, and GET /whoami.")
    static final class Token implements Callable<Integer> {
        @Mixin
        Load load;

        @Option(names = "--no-whoami", description = "Skip the GET /whoami measurement.")
        boolean noWhoami;

        @Override
        public Integer call() throws Exception {
            new TokenBench(System.out).run(load.warmup(90), load.duration, load.concurrency(List.of(4, 16, 64)), !noWhoami);
            return 0;
        }
    }

    @Command(name = "notify", mixinStandardHelpOptions = true,
            description = "Start a server (fresh data folder, or CRVS_DB_URL for PostgreSQL), warm it up (90 s), then post "
                    + "realistic birth notifications to POST /notification at 4, 16 and 64 clients.")
    static final class Notify implements Callable<Integer> {
        @Mixin
        Load load;

        @Override
        public Integer call() throws Exception {
            new NotifyBench(System.out).run(load.warmup(90), load.duration, load.concurrency(List.of(4, 16, 64)));
            return 0;
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = "Start a server with the development users, warm it up (30 s), then run full two-factor logins "
                    + "(authenticate + verifyCode) at 2 and 8 clients. Password hashing (Argon2id) dominates.")
    static final class Login implements Callable<Integer> {
        @Mixin
        Load load;

        @Override
        public Integer call() throws Exception {
            new LoginBench(System.out).run(load.warmup(30), load.duration, load.concurrency(List.of(2, 8)));
            return 0;
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Start `crvs serve` as a separate process (this JVM's options) and time the first token it "
                    + "serves, with its resident memory; also the first start on a fresh data folder.")
    static final class Startup implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "3", description = "Timed starts (default 3).")
        int runs;

        @Override
        public Integer call() throws Exception {
            new StartupBench(System.out).run(runs);
            return 0;
        }
    }
}
