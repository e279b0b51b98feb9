package io.crvs;

import io.crvs.app.cli.CrvsCommand;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of the {@code crvs} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean serving = args.length > 0 && args[0].equals("serve");
        if (!serving) {
            // Commands print JSON on stdout: keep logs on stderr and quiet.
            System.setProperty("crvs.log.target", "System.err");
            System.setProperty("crvs.log.level", "WARN");
            System.setProperty("crvs.log.flyway", "WARN");
            System.setProperty("CRVS_ACCESS_LOG_LEVEL", "WARN");
        }
        int exit = CrvsCommand.commandLine().execute(args);
        if (!serving || exit != 0 || Arrays.asList(args).contains("--help")) {
            System.exit(exit);
        }
    }
}
