package io.crvs.app.cli;

import io.crvs.auth.key.SigningKey;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code crvs keys …}: the token signing keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage token signing keys.",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.ListKeys.class})
final class KeysCommand {

    static Map<String, Object> view(SigningKey key, boolean current) {
        var view = new LinkedHashMap<String, Object>();
        view.put("kid", key.kid());
        view.put("bits", key.publicKey().getModulus().bitLength());
        view.put("created_at", key.createdAt().toString());
        view.put("current", current);
        return view;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new signing key; the old one keeps verifying until the tokens it signed have expired. "
                    + "A running server picks the new key up within seconds.")
    static final class Rotate implements Runnable {
        @Mixin
        DataOptions data;

        @Override
        public void run() {
            ClientsCommand.print(data, app -> view(app.auth().signingKeys().rotate(), true));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys that verify tokens, newest first.")
    static final class ListKeys implements Runnable {
        @Mixin
        DataOptions data;

        @Override
        public void run() {
            ClientsCommand.print(data, app -> {
                var keys = app.auth().signingKeys();
                var current = keys.current().kid();
                return keys.verificationKeys().stream().map(k -> view(k, k.kid().equals(current))).toList();
            });
        }
    }
}
