package io.ticketchat.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries as ArchUnit rules. Each one is proven able to fail by
 * {@link ArchitectureRulesCanFailTest}, and {@link ArchitectureTest} checks that every package they
 * name really holds classes, so no rule passes by looking at nothing.
 */
final class ArchitectureRules {

    static final String DOMAIN = "io.ticketchat.domain..";
    static final String APPLICATION = "io.ticketchat.application..";
    static final String PERSISTENCE = "io.ticketchat.persistence..";
    static final String GENERATED_JOOQ = "io.ticketchat.persistence.jooq.generated..";
    static final String REST = "io.ticketchat.web.rest..";
    static final String SOCKET = "io.ticketchat.web.socket..";
    static final String SECURITY = "io.ticketchat.security..";
    static final String RATE_LIMIT = "io.ticketchat.ratelimit..";
    static final String WEB_CLIENT = "io.ticketchat.web.client..";
    static final String BOOTSTRAP = "io.ticketchat.bootstrap..";

    /** Adapters plug into the core and never into each other. */
    static final List<String> ADAPTERS = List.of(PERSISTENCE, REST, SOCKET, SECURITY, RATE_LIMIT, WEB_CLIENT);

    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ALONE = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .as("chat-domain depends on the JDK alone")
            .because("the model must stay free of Spring, Jakarta, jOOQ and every other framework (STYLE.md)");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_JDK_ALONE = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .as("chat-application depends on chat-domain and the JDK alone")
            .because("use cases and ports must stay free of frameworks; adapters and bootstrap bring those");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .as("nothing depends on chat-bootstrap")
            .because("bootstrap assembles the modules; it is the outermost ring");

    static final ArchRule GENERATED_JOOQ_CODE_STAYS_IN_PERSISTENCE = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAPackage(GENERATED_JOOQ)
            .as("generated jOOQ code is used by the persistence adapter only")
            .because("the table shapes are the persistence adapter's secret");

    static List<ArchRule> adaptersDoNotDependOnEachOther() {
        return ADAPTERS.stream().map(ArchitectureRules::adapterIsolated).toList();
    }

    static ArchRule adapterIsolated(String adapter) {
        String[] others = ADAPTERS.stream().filter(other -> !other.equals(adapter)).toArray(String[]::new);
        return noClasses()
                .that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as("adapter " + adapter + " does not depend on another adapter")
                .because("adapters meet only through the application's ports");
    }

    private ArchitectureRules() {
    }
}
