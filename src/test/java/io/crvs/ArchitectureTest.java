package io.crvs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of the house style (§5.2), checked on the compiled production classes. */
class ArchitectureTest {
    private static final List<String> MODULES = List.of("auth", "integrations", "users", "records", "search",
            "webhooks", "locations", "notifications", "gateway");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crvs");
    }

    @Test
    void platformWhenCompiledThenDependsOnNoModule() {
        noClasses().that().resideInAPackage("io.crvs.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(modulePackages("..")).allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("io.crvs.platform..")
                .should().dependOnClassesThat().resideInAPackage("io.crvs.app..").check(classes);
    }

    @Test
    void moduleSubPackagesWhenCompiledThenUsedOnlyByTheirModuleAndApp() {
        for (var module : MODULES) {
            classes().that().resideInAPackage("io.crvs." + module + ".(*)..")
                    .should().onlyBeAccessed().byClassesThat()
                    .resideInAnyPackage("io.crvs." + module + "..", "io.crvs.app..")
                    .allowEmptyShould(true).check(classes);
        }
    }

    @Test
    void modulesWhenCompiledThenHaveNoCycles() {
        slices().matching("io.crvs.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void frameworksWhenCompiledThenConfinedToTheirAdapters() {
        noClasses().that().resideOutsideOfPackages("io.crvs.platform.http..", "..web..", "io.crvs.app..")
                .and().haveNameNotMatching(".*(Endpoint|OAuthResponses)")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..").check(classes);
        // Jdbi's Handle is the transaction token that use cases pass to stores; the rest of Jdbi stays in stores.
        noClasses().that().resideOutsideOfPackages("io.crvs.platform..", "..store..", "..usecase..", "io.crvs.app..")
                .and().haveSimpleNameNotStartingWith("Database")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.jdbi..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Handle.class))))
                .check(classes);
        noClasses().that().resideOutsideOfPackages("io.crvs.auth.token..", "io.crvs.auth.key..", "io.crvs.app.bench..")
                .should().dependOnClassesThat().resideInAPackage("com.nimbusds..").check(classes);
        // HAPI FHIR types stay behind the shared context and the FHIR adapters (records will get one too).
        noClasses().that().resideOutsideOfPackages("io.crvs.platform.fhir..", "io.crvs.locations.fhir..",
                        "io.crvs.records..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..").check(classes);
    }

    @Test
    void staticStateWhenCompiledThenOnlyConstants() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("io.crvs..")
                .should().beFinal().check(classes);
    }

    @Test
    void namesWhenCompiledThenRolesNotManagersOrImpls() {
        noClasses().that().resideInAPackage("io.crvs..")
                .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper").check(classes);
    }

    private static String[] modulePackages(String suffix) {
        return MODULES.stream().map(m -> "io.crvs." + m + suffix).toArray(String[]::new);
    }
}
