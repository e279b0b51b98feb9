package io.crvs.app.cli;

import io.crvs.app.Application;
import io.crvs.auth.ClientOperation;
import io.crvs.auth.ClientType;
import io.crvs.auth.NewClient;
import io.crvs.integrations.ClientViews;
import io.crvs.platform.audit.Actor;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crvs clients …}: integration clients from the command line, on the same database as the server. */
@Command(name = "clients", mixinStandardHelpOptions = true, description = "Manage integration clients.",
        subcommands = {ClientsCommand.Create.class, ClientsCommand.ListClients.class, ClientsCommand.Show.class,
                ClientsCommand.Reveal.class, ClientsCommand.RefreshSecret.class, ClientsCommand.Deactivate.class,
                ClientsCommand.Enable.class, ClientsCommand.Delete.class})
final class ClientsCommand {

    /** Runs {@code action} on an open application and prints its result as JSON. */
    static void print(DataOptions data, Function<Application, Object> action) {
        try (var app = data.open()) {
            System.out.println(Output.json(action.apply(app)));
        }
    }

    /** {@link #print} for a change to clients: the registry audits what it does, this what fails before or in it. */
    static void printAudited(DataOptions data, ClientOperation operation, String ref,
            Function<Application, Object> action) {
        print(data, app -> {
            try {
                return action.apply(app);
            } catch (RuntimeException e) {
                app.auth().clients().auditFailure(operation, ref, Actor.commandLine(), e);
                throw e;
            }
        });
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a client; prints its secret and webhook signing key, shown only this once.")
    static final class Create implements Runnable {
        @Mixin
        DataOptions data;

        @Option(names = "--type", required = true, description = "HEALTH, NATIONAL_ID, RECORD_SEARCH or WEBHOOK")
        String type;

        @Option(names = "--name", required = true, description = "Display name, unique (case-insensitive).")
        String name;

        @Option(names = "--integrating-system-type", description = "For NATIONAL_ID: MOSIP or OTHER.")
        String integratingSystemType;

        @Override
        public void run() {
            printAudited(data, ClientOperation.CREATE, null, app -> ClientViews.issued(app.auth().clients().create(
                    new NewClient(ClientType.require(type, "--type"), name, Optional.ofNullable(integratingSystemType),
                            Optional.empty()), Actor.commandLine())));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List clients (no secrets).")
    static final class ListClients implements Runnable {
        @Mixin
        DataOptions data;

        @Override
        public void run() {
            print(data, app -> app.auth().clients().list().stream().map(ClientViews::client).toList());
        }
    }

    /** A command acting on one client named by internal id or client_id. */
    abstract static class OnClient implements Runnable {
        /** Null for a read, which is not audited. */
        private final ClientOperation operation;

        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "ID", description = "Internal id or client_id.")
        String id;

        OnClient(ClientOperation operation) {
            this.operation = operation;
        }

        abstract Object act(Application app, String ref);

        @Override
        public void run() {
            if (operation == null) {
                print(data, app -> act(app, id));
            } else {
                printAudited(data, operation, id, app -> act(app, id));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one client (no secrets).")
    static final class Show extends OnClient {
        Show() {
            super(null);
        }

        @Override
        Object act(Application app, String ref) {
            return ClientViews.client(app.auth().clients().get(ref));
        }
    }

    @Command(name = "reveal", mixinStandardHelpOptions = true,
            description = "Show the client_id and webhook signing key (sha_secret).")
    static final class Reveal extends OnClient {
        Reveal() {
            super(ClientOperation.REVEAL_KEYS);
        }

        @Override
        Object act(Application app, String ref) {
            return ClientViews.keys(app.auth().clients().reveal(ref, Actor.commandLine()));
        }
    }

    @Command(name = "refresh-secret", mixinStandardHelpOptions = true,
            description = "Issue a new secret; the old one and tokens issued with it stop working at once.")
    static final class RefreshSecret extends OnClient {
        RefreshSecret() {
            super(ClientOperation.REFRESH_SECRET);
        }

        @Override
        Object act(Application app, String ref) {
            return ClientViews.issued(app.auth().clients().refreshSecret(ref, Actor.commandLine()));
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Stop the client; its tokens stop working at once.")
    static final class Deactivate extends OnClient {
        Deactivate() {
            super(ClientOperation.DEACTIVATE);
        }

        @Override
        Object act(Application app, String ref) {
            return ClientViews.client(app.auth().clients().deactivate(ref, Actor.commandLine()));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Re-activate a deactivated client.")
    static final class Enable extends OnClient {
        Enable() {
            super(ClientOperation.ENABLE);
        }

        @Override
        Object act(Application app, String ref) {
            return ClientViews.client(app.auth().clients().enable(ref, Actor.commandLine()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the client and its secrets.")
    static final class Delete extends OnClient {
        Delete() {
            super(ClientOperation.DELETE);
        }

        @Override
        Object act(Application app, String ref) {
            return ClientViews.client(app.auth().clients().delete(ref, Actor.commandLine()));
        }
    }
}
