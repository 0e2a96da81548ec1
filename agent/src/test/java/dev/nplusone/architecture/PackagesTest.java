package dev.nplusone.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The agent's packages depend on each other in one direction, the way data flows: statements in
 * ({@code jdbc}), the unit of work ({@code scope}), the rules ({@code shape}, {@code detect}),
 * outputs ({@code report}) and judging them ({@code gate}), with {@code agent} wiring them at the
 * top and small leaves ({@code failure}, {@code json}, {@code reflect}, {@code hook}) below. A new
 * import against that direction fails here.
 */
class PackagesTest {

    private static final JavaClasses AGENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nplusone");

    @Test
    void noPackagesImportEachOther() {
        slices().matching("dev.nplusone.(**)").should().beFreeOfCycles().check(AGENT);
    }

    @Test
    void theRulesKnowNothingOfWhereStatementsComeFromOrWhereFindingsGo() {
        mustNotUse("dev.nplusone.shape..", "dev.nplusone.detect..").check(AGENT);
    }

    @Test
    void scopesKnowNothingOfStatementsInterceptionOrOutputs() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.nplusone.scope..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.nplusone.jdbc..", "dev.nplusone.report..", "dev.nplusone.gate..", "dev.nplusone.agent..",
                        "dev.nplusone.cli..", "dev.nplusone.attach..");
        rule.check(AGENT);
    }

    @Test
    void outputsKnowNothingOfHowStatementsWereSeen() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.nplusone.report..", "dev.nplusone.gate..", "dev.nplusone.html..",
                        "dev.nplusone.jfr..").should()
                .dependOnClassesThat().resideInAnyPackage("dev.nplusone.jdbc..", "dev.nplusone.scope..", "dev.nplusone.agent..",
                        "dev.nplusone.hook..");
        rule.check(AGENT);
    }

    @Test
    void leavesDependOnNoOtherPackageOfTheAgent() {
        for (String leaf : new String[] {"failure", "json", "reflect", "hook"}) {
            noClasses().that().resideInAPackage("dev.nplusone." + leaf + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others(leaf)).check(AGENT);
        }
    }

    private static ArchRule mustNotUse(String... packages) {
        return noClasses().that().resideInAnyPackage(packages).should().dependOnClassesThat()
                .resideInAnyPackage("dev.nplusone.jdbc..", "dev.nplusone.scope..", "dev.nplusone.report..", "dev.nplusone.gate..",
                        "dev.nplusone.agent..", "dev.nplusone.cli..", "dev.nplusone.attach..", "dev.nplusone.hook..",
                        "dev.nplusone.bridge..");
    }

    private static String[] others(String leaf) {
        return java.util.stream.Stream.of("agent", "attach", "boot", "bridge", "cli", "detect", "failure", "gate", "hook", "jdbc",
                        "json", "orm", "reflect", "report", "scope", "shape")
                .filter(p -> !p.equals(leaf)).map(p -> "dev.nplusone." + p + "..").toArray(String[]::new);
    }
}
