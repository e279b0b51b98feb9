package io.crvs.app.cli;

import io.crvs.platform.config.ConfigException;
import io.crvs.platform.problem.ProblemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crvs} command and its sub-commands. */
@Command(name = "crvs", mixinStandardHelpOptions = true, version = "crvs 0.1.0",
        description = "Civil registration and vital statistics server, wire-compatible with OpenCRVS v1.4.",
        subcommands = {ServeCommand.class, ClientsCommand.class, UsersCommand.class, LocationsCommand.class,
                NotificationsCommand.class, KeysCommand.class, AuditCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class CrvsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line with crvs's error handling: operator mistakes, a wrong option or argument included, print
     * one JSON line on stderr and exit 1, never picocli's usage text (exit 2) or a stack trace.
     */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new CrvsCommand());
        commandLine.setParameterExceptionHandler((e, args) -> {
            var cmd = e.getCommandLine();
            cmd.getErr().println(Output.error("invalid_arguments",
                    e.getMessage() + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'"));
            return 1;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            var err = cmd.getErr();
            switch (e) {
                case ProblemException problem -> err.println(Output.error(problem.code(), problem.detail(), problem.errors()));
                case ConfigException config -> err.println(Output.error("invalid_configuration",
                        "Invalid configuration: " + String.join("; ", config.problems())));
                default -> {
                    err.println(Output.error("failed", e.getClass().getSimpleName() + ": " + e.getMessage()));
                    if (System.getenv("CRVS_DEBUG") != null) {
                        e.printStackTrace(err);
                    }
                }
            }
            return 1;
        });
        return commandLine;
    }
}
