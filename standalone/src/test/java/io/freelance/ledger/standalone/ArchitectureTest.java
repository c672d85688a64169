package io.freelance.ledger.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the whole service (every module's main classes), checked with ArchUnit: no
 * package cycles, domain packages do not reach into infrastructure, and the two sides meet only in
 * shared-events. A failure lists each cycle
 * or offending dependency with the classes and lines that make it.
 */
class ArchitectureTest {

    private static final String[] DOMAIN_PACKAGES = {
            "io.freelance.ledger.command.contract..", "io.freelance.ledger.command.escrow..",
            "io.freelance.ledger.query.contract..", "io.freelance.ledger.query.escrow..", "io.freelance.ledger.query.diary..",
            "io.freelance.ledger.query.ledger.."};

    private static JavaClasses service;

    @BeforeAll
    static void importClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.freelance.ledger");
    }

    /** Each package is a slice; a cycle between any two (or more) fails with the classes that make it. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.freelance.ledger.(**)").should().beFreeOfCycles().check(service);
    }

    @Test
    void domainPackagesDoNotDependOnInfrastructure() {
        noClasses().that().resideInAnyPackage(DOMAIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("..infrastructure..", "io.freelance.ledger.standalone..")
                .check(service);
    }

    @Test
    void theCommandSideDoesNotKnowTheQuerySide() {
        noClasses().that().resideInAPackage("io.freelance.ledger.command..")
                .should().dependOnClassesThat().resideInAPackage("io.freelance.ledger.query..")
                .check(service);
    }

    @Test
    void theQuerySideSendsCommandsButDoesNotUseCommandHandlers() {
        noClasses().that().resideInAPackage("io.freelance.ledger.query..")
                .should().dependOnClassesThat().resideInAPackage("io.freelance.ledger.command..")
                .check(service);
    }
}
