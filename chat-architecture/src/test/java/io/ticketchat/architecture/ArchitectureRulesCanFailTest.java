package io.ticketchat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.ticketchat.application.archfixture.ApplicationUsingJooq;
import io.ticketchat.domain.archfixture.ConfiguredDomain;
import io.ticketchat.domain.archfixture.DomainUsingSpring;
import io.ticketchat.persistence.jooq.generated.archfixture.FakeGeneratedTable;
import io.ticketchat.web.rest.archfixture.ControllerReturningDomain;
import io.ticketchat.web.rest.archfixture.RestUsingGeneratedJooq;
import io.ticketchat.web.rest.archfixture.RestUsingSocket;
import io.ticketchat.web.rest.dto.archfixture.ResponseWithDomainField;
import io.ticketchat.web.socket.archfixture.SocketBuildingAService;
import io.ticketchat.web.socket.archfixture.SocketComponentWithBean;
import io.ticketchat.web.socket.archfixture.SocketThing;
import io.ticketchat.web.socket.archfixture.SocketUsingBootstrap;
import io.ticketchat.web.socket.archfixture.SocketWiring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule catches a class built to break it, and names itself in the failure. */
class ArchitectureRulesCanFailTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        return rule.evaluate(classes);
    }

    private static void assertCaught(ArchRule rule, String offender, Class<?>... fixtures) {
        EvaluationResult result = evaluate(rule, fixtures);
        assertThat(result.hasViolation()).as("violation of '%s'", rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains(rule.getDescription())
                .contains(offender);
    }

    @Test
    void springInTheDomainIsCaught() {
        assertCaught(ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ALONE, "DomainUsingSpring", DomainUsingSpring.class);
    }

    @Test
    void jooqInTheApplicationIsCaught() {
        assertCaught(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_AND_JDK_ALONE, "ApplicationUsingJooq", ApplicationUsingJooq.class);
    }

    @Test
    void anAdapterUsingAnotherIsCaught() {
        assertCaught(ArchitectureRules.adapterIsolated(ArchitectureRules.REST), "RestUsingSocket",
                RestUsingSocket.class, SocketThing.class);
    }

    @Test
    void anAdapterUsingBootstrapIsCaught() {
        assertCaught(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, "SocketUsingBootstrap",
                SocketUsingBootstrap.class, io.ticketchat.bootstrap.ChatProperties.class);
    }

    @Test
    void generatedJooqCodeOutsidePersistenceIsCaught() {
        assertCaught(ArchitectureRules.GENERATED_JOOQ_CODE_STAYS_IN_PERSISTENCE, "RestUsingGeneratedJooq",
                RestUsingGeneratedJooq.class, FakeGeneratedTable.class);
    }

    @Test
    void aControllerExposingDomainTypesIsCaught() {
        EvaluationResult result = evaluate(ArchitectureRules.CONTROLLERS_SPEAK_DTOS_ONLY, ControllerReturningDomain.class);
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("messages(").contains("io.ticketchat.domain.Message"))
                .anySatisfy(line -> assertThat(line).contains("messages(").contains("io.ticketchat.domain.TicketId"));
        assertCaught(ArchitectureRules.CONTROLLERS_SPEAK_DTOS_ONLY, "ControllerReturningDomain", ControllerReturningDomain.class);
    }

    @Test
    void aDtoHoldingADomainTypeIsCaught() {
        assertCaught(ArchitectureRules.WIRE_TYPES_HOLD_NO_DOMAIN_TYPE, "ResponseWithDomainField.ticketId",
                ResponseWithDomainField.class);
    }

    @Test
    void anAdapterBuildingAServiceIsCaught() {
        assertCaught(ArchitectureRules.ONLY_BOOTSTRAP_BUILDS_SERVICES, "SocketBuildingAService",
                SocketBuildingAService.class, io.ticketchat.application.service.GrantedTicketsAccessPolicy.class);
    }

    @Test
    void aConfigurationOutsideBootstrapNotAnAdaptersOwnIsCaught() {
        assertCaught(ArchitectureRules.CONFIGURATIONS_LIVE_IN_BOOTSTRAP_OR_AN_ADAPTERS_OWN, "SocketWiring", SocketWiring.class);
        assertCaught(ArchitectureRules.CONFIGURATIONS_LIVE_IN_BOOTSTRAP_OR_AN_ADAPTERS_OWN, "ConfiguredDomain", ConfiguredDomain.class);
    }

    @Test
    void aBeanOutsideAConfigurationIsCaught() {
        assertCaught(ArchitectureRules.BEANS_ARE_DECLARED_IN_CONFIGURATIONS, "SocketComponentWithBean", SocketComponentWithBean.class);
    }
}
