package io.crvs.app.cli;

import picocli.CommandLine.Command;

/** {@code crvs bench …}: load benchmarks over real HTTP. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks.", subcommands = {})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Usage: crvs bench token");
    }
}
