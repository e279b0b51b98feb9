package io.crvs.app.cli;

import io.crvs.users.SystemRole;
import io.crvs.users.UserDraft;
import io.crvs.users.UserViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crvs users …}: bootstrapping staff accounts from the command line. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage staff users.",
        subcommands = {UsersCommand.CreateAdmin.class})
final class UsersCommand {

    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = "Create a National System Administrator and print a one-time password. The user logs in with "
                    + "it, sets a password and security answers, and then logs in with two factors.")
    static final class CreateAdmin implements Runnable {
        @Mixin
        DataOptions data;

        @Option(names = "--given-names", required = true, split = " ", description = "Given name(s).")
        List<String> givenNames;

        @Option(names = "--family-name", required = true, description = "Family name.")
        String familyName;

        @Option(names = "--email", description = "Email address (an email or a mobile number is required).")
        String email;

        @Option(names = "--mobile", description = "Mobile number in the country's format.")
        String mobile;

        @Option(names = "--office", description = "Primary office id (default: the office named 'HQ Office', else the first office).")
        String office;

        @Override
        public void run() {
            ClientsCommand.print(data, app -> {
                var officeId = Optional.ofNullable(office).orElseGet(() -> app.locations().offices().stream()
                        .filter(o -> o.name().equalsIgnoreCase("HQ Office")).findFirst()
                        .or(() -> app.locations().offices().stream().findFirst())
                        .orElseThrow(() -> new IllegalStateException("There is no office yet: import the country's locations first"))
                        .id());
                var created = app.users().createFirstAdmin(new UserDraft(givenNames, familyName,
                        SystemRole.NATIONAL_SYSTEM_ADMIN.name(), Optional.empty(), officeId, Optional.ofNullable(mobile),
                        Optional.ofNullable(email), Optional.empty(), Optional.empty()));
                var view = new LinkedHashMap<String, Object>(UserViews.user(created.user()));
                view.put("one_time_password", created.temporaryPassword());
                return view;
            });
        }
    }
}
