package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

class RejectionsTest {

    @Test
    void aRuleViolationWrappedByTheCommandBusIsFoundInTheCauses() {
        RuleViolation violation = RuleViolation.badRequest("dueDate", "milestone.due-date.past", "The due date has passed.");

        assertThat(Rejections.of(new CommandExecutionException("failed", violation))).contains(violation.error());
    }

    @Test
    void detailsWinOverTheCauseWhenBothArePresent() {
        LedgerError details = new LedgerError(ErrorCategory.NOT_FOUND, "milestoneId", "milestone.exists", "No such milestone.");

        assertThat(Rejections.of(new CommandExecutionException("failed", new IllegalStateException(), details))).contains(details);
    }

    @Test
    void aMissingContractIsNotFoundOnTheContractId() {
        LedgerError refusal = Rejections.of(new AggregateNotFoundException("c-1", "not found")).orElseThrow();

        assertThat(refusal.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(refusal.field()).isEqualTo("contractId");
        assertThat(refusal.rule()).isEqualTo("contract.not-found");
    }

    @Test
    void aConcurrentChangeIsAConflict() {
        assertThat(Rejections.of(new ConcurrencyException("seq")).orElseThrow().category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(Rejections.isRule(new ConcurrencyException("seq"), "contract.concurrent-change")).isTrue();
    }

    @Test
    void noSignInIsUnauthorized() {
        assertThat(Rejections.of(new AuthenticationCredentialsNotFoundException("none")).orElseThrow().category())
                .isEqualTo(ErrorCategory.UNAUTHORIZED);
    }

    @Test
    void anythingElseRefusesNothing() {
        assertThat(Rejections.of(new NullPointerException())).isEmpty();
        assertThat(Rejections.of(new CommandExecutionException("no details", null))).isEmpty();
        assertThat(Rejections.isRule(new NullPointerException(), "contract.unique")).isFalse();
    }
}
