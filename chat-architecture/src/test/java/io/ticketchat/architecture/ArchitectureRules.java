package io.ticketchat.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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
    static final String APPLICATION_SERVICES = "io.ticketchat.application.service..";
    static final String REST_DTO = "io.ticketchat.web.rest.dto..";
    /** Every frame the socket writes is one of these records (package-private, so named here). */
    static final String SOCKET_FRAME = "io.ticketchat.web.socket.ServerEvent";

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

    /**
     * What a controller takes and returns is JSON shaped by the contract: path variables and bodies
     * arrive as strings and request records, answers leave as response records, never as domain types
     * whose renaming would silently change the wire. Generic arguments count ({@code ResponseEntity<Message>}).
     */
    static final ArchRule CONTROLLERS_SPEAK_DTOS_ONLY = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .and().arePublic()
            .should(new ArchCondition<>("neither take nor return a domain type") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                            .flatMap(type -> domainTypesIn(type).stream())
                            .forEach(domain -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " exposes " + domain.getName())));
                }
            })
            .as("REST controllers neither take nor return domain types")
            .because("domain types never go on the wire: the REST adapter has its own DTOs, shaped by the contract (STYLE.md)");

    /** The REST DTOs and the socket's frames hold wire values only; their factories may read domain types. */
    static final ArchRule WIRE_TYPES_HOLD_NO_DOMAIN_TYPE = fields()
            .that().areDeclaredInClassesThat(resideInAPackage(REST_DTO).or(assignableTo(SOCKET_FRAME)))
            .and().areNotStatic()
            .should(new ArchCondition<>("not be of a domain type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    domainTypesIn(field.getType()).forEach(domain -> events.add(SimpleConditionEvent.violated(field,
                            field.getFullName() + " is of " + domain.getName())));
                }
            })
            .as("REST DTOs and socket frames have no field of a domain type")
            .because("what Jackson writes must be the contract's shape, not the model's");

    /**
     * The application services are built by bootstrap alone ({@code ChatCoreServices}), once, over the
     * ports it chose; an adapter building its own would bypass the transactional decorators and the
     * host's replacements. The services build each other inside the application ring, which is fine.
     */
    static final ArchRule ONLY_BOOTSTRAP_BUILDS_SERVICES = noClasses()
            .that().resideOutsideOfPackages(BOOTSTRAP, APPLICATION)
            .should().callConstructorWhere(DescribedPredicate.describe("the constructor of an application service",
                    call -> call.getTargetOwner().getPackageName().startsWith("io.ticketchat.application.service")))
            .as("only bootstrap builds application services")
            .because("bootstrap wires the services; adapters receive use cases as beans");

    /**
     * Spring configuration lives in bootstrap, plus one {@code *Configuration} per adapter that the
     * bootstrap imports (or a {@code *AutoConfiguration} an adapter registers itself, as the web client does).
     */
    static final ArchRule CONFIGURATIONS_LIVE_IN_BOOTSTRAP_OR_AN_ADAPTERS_OWN = classes()
            .that().areMetaAnnotatedWith(Configuration.class)
            .and().resideOutsideOfPackage(BOOTSTRAP)
            .should().resideInAnyPackage(ADAPTERS.toArray(String[]::new))
            .andShould(new ArchCondition<>("be, or be nested in, a class named *Configuration") {
                @Override
                public void check(JavaClass configuration, ConditionEvents events) {
                    JavaClass outermost = configuration;
                    while (outermost.getEnclosingClass().isPresent()) {
                        outermost = outermost.getEnclosingClass().get();
                    }
                    if (!outermost.getSimpleName().endsWith("Configuration")) {
                        events.add(SimpleConditionEvent.violated(configuration,
                                configuration.getName() + " is not an adapter's own *Configuration"));
                    }
                }
            })
            .as("@Configuration classes live in bootstrap or are an adapter's own *Configuration")
            .because("only bootstrap wires services; an adapter offers one configuration of its own beans");

    static final ArchRule BEANS_ARE_DECLARED_IN_CONFIGURATIONS = methods()
            .that().areAnnotatedWith(Bean.class)
            .should().beDeclaredInClassesThat().areMetaAnnotatedWith(Configuration.class)
            .as("@Bean methods are declared in @Configuration classes")
            .because("a @Bean in a component is wiring hidden where the configuration rules do not look");

    private static List<JavaClass> domainTypesIn(JavaType type) {
        return type.getAllInvolvedRawTypes().stream()
                .filter(raw -> raw.getPackageName().startsWith("io.ticketchat.domain"))
                .toList();
    }

    private ArchitectureRules() {
    }
}
