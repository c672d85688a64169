package io.freelance.ledger.command.infrastructure;

import static io.freelance.ledger.command.testing.People.FREELANCER;
import static io.freelance.ledger.command.testing.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.command.contract.Contract;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A rejected command keeps its classification, field and rule when it crosses Axon Server. */
class RuleViolationTranslatingInterceptorTest {

    private final RuleViolationTranslatingInterceptor interceptor = new RuleViolationTranslatingInterceptor();

    @Test
    void ruleViolationBecomesACommandFailureCarryingTheError() {
        RuleViolation violation = RuleViolation.conflict("milestoneId", "milestone.one-active", "Only one at a time.");

        assertThatThrownBy(() -> interceptor.handle(unitOfWork(), () -> {
            throw violation;
        })).isInstanceOfSatisfying(CommandExecutionException.class, failure -> {
            assertThat(failure.getMessage()).isEqualTo("Only one at a time.");
            assertThat(failure.getDetails()).contains(violation.error());
            assertThat(failure.getCause()).isSameAs(violation);
        });
    }

    @Test
    void resultOfASuccessfulCommandPassesThrough() throws Exception {
        assertThat(interceptor.handle(unitOfWork(), () -> 7L)).isEqualTo(7L);
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        IllegalStateException crash = new IllegalStateException("bug");

        assertThatThrownBy(() -> interceptor.handle(unitOfWork(), () -> {
            throw crash;
        })).isSameAs(crash);
    }

    @Test
    void rejectionFromAnAggregateArrivesAsExceptionDetails() {
        var fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        fixture.registerCommandHandlerInterceptor(interceptor);

        fixture.givenNoPriorActivity()
                .when(new OfferFixedPriceContractCommand("contract-1", "client-1", "freelancer-1", "Site", "USD",
                        List.of()), as(FREELANCER))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(LedgerError.forbidden("clientId", "offer.client-only",
                        "Only the client named on an offer can make it."));
    }

    private static UnitOfWork<CommandMessage<?>> unitOfWork() {
        return new DefaultUnitOfWork<>(GenericCommandMessage.asCommandMessage("any command"));
    }
}
