package io.ticketchat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

/** The production classes of every module obey the boundaries. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ticketchat");
    }

    @ParameterizedTest(name = "package {0} holds classes, so the rules naming it check something")
    @ValueSource(strings = {ArchitectureRules.DOMAIN, ArchitectureRules.APPLICATION, ArchitectureRules.PERSISTENCE,
            ArchitectureRules.GENERATED_JOOQ, ArchitectureRules.REST, ArchitectureRules.SOCKET, ArchitectureRules.SECURITY,
            ArchitectureRules.RATE_LIMIT, ArchitectureRules.BOOTSTRAP, ArchitectureRules.APPLICATION_SERVICES,
            ArchitectureRules.REST_DTO})
    void everyPackageARuleNamesExists(String packageIdentifier) {
        assertThat(production.that(resideInAPackage(packageIdentifier))).isNotEmpty();
    }

    @Test
    void domainDependsOnTheJdkAlone() {
        ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ALONE.check(production);
    }

    @Test
    void applicationDependsOnTheDomainAndTheJdkAlone() {
        ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_AND_JDK_ALONE.check(production);
    }

    @Test
    void nothingDependsOnBootstrap() {
        ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(production);
    }

    @Test
    void generatedJooqCodeStaysInPersistence() {
        ArchitectureRules.GENERATED_JOOQ_CODE_STAYS_IN_PERSISTENCE.check(production);
    }

    @Test
    void controllersSpeakDtosOnly() {
        ArchitectureRules.CONTROLLERS_SPEAK_DTOS_ONLY.check(production);
    }

    @Test
    void wireTypesHoldNoDomainType() {
        ArchitectureRules.WIRE_TYPES_HOLD_NO_DOMAIN_TYPE.check(production);
    }

    @Test
    void onlyBootstrapBuildsServices() {
        ArchitectureRules.ONLY_BOOTSTRAP_BUILDS_SERVICES.check(production);
    }

    @Test
    void configurationsLiveInBootstrapOrAnAdaptersOwn() {
        ArchitectureRules.CONFIGURATIONS_LIVE_IN_BOOTSTRAP_OR_AN_ADAPTERS_OWN.check(production);
    }

    @Test
    void beansAreDeclaredInConfigurations() {
        ArchitectureRules.BEANS_ARE_DECLARED_IN_CONFIGURATIONS.check(production);
    }

    @TestFactory
    Stream<DynamicTest> adaptersDoNotDependOnEachOther() {
        return ArchitectureRules.adaptersDoNotDependOnEachOther().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    @Test
    void theSocketFrameTypeTheWireRuleNamesExists() {
        assertThat(production.contain(ArchitectureRules.SOCKET_FRAME)).isTrue();
        assertThat(production.get(ArchitectureRules.SOCKET_FRAME).getSubclasses()).isNotEmpty();
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
