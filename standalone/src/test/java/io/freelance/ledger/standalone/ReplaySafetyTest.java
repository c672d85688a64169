package io.freelance.ledger.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.freelance.ledger.query.messaging.notification.MessageEmails;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replay (a processor reset, a rebuild of the ledger) must not send a command, publish an event or
 * schedule a deadline again. Every event handler of a class that can do so is {@code @DisallowReplay}
 * (on the method or the class). The audit itself runs no handler at all; FinanceAuditJourneyTest proves
 * an audit and a rebuild store no event.
 */
class ReplaySafetyTest {

    /** Sending an email is a side effect a replay must not repeat, as a command is. */
    private static final Set<Class<?>> SIDE_EFFECT_TYPES = Set.of(CommandGateway.class, CommandBus.class,
            EventGateway.class, DeadlineManager.class, MessageEmails.class);

    private static JavaClasses service;

    @BeforeAll
    static void importClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.freelance.ledger");
    }

    @Test
    void eventHandlersThatCanCauseSideEffectsAreNotReplayed() {
        methods().that().areAnnotatedWith(EventHandler.class)
                .and().areDeclaredInClassesThat(canCauseSideEffects())
                .should(beExcludedFromReplays())
                .allowEmptyShould(true)
                .check(service);
    }

    @Test
    void theRuleSeesTheServicesEventHandlers() {
        List<JavaMethod> handlers = service.stream().flatMap(javaClass -> javaClass.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventHandler.class)).toList();

        assertThat(handlers).as("event handlers found").hasSizeGreaterThan(10);
        assertThat(handlers).extracting(method -> method.getOwner().getSimpleName()).contains("LedgerProjection");
    }

    private static DescribedPredicate<JavaClass> canCauseSideEffects() {
        return DescribedPredicate.describe("can send commands, publish events or schedule deadlines",
                javaClass -> javaClass.getAllFields().stream()
                        .anyMatch(field -> SIDE_EFFECT_TYPES.stream().anyMatch(type -> field.getRawType().isAssignableTo(type)))
                        || javaClass.getConstructors().stream().flatMap(constructor -> constructor.getRawParameterTypes().stream())
                        .anyMatch(parameter -> SIDE_EFFECT_TYPES.stream().anyMatch(parameter::isAssignableTo)));
    }

    private static ArchCondition<JavaMethod> beExcludedFromReplays() {
        return new ArchCondition<>("be annotated @DisallowReplay (or their class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean excluded = method.isAnnotatedWith(DisallowReplay.class) || method.getOwner().isAnnotatedWith(DisallowReplay.class);
                events.add(new SimpleConditionEvent(method, excluded, method.getFullName() + " can cause side effects and is "
                        + (excluded ? "" : "not ") + "@DisallowReplay"));
            }
        };
    }
}
