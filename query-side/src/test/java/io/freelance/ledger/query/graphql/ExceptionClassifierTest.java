package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ExceptionClassifierTest {

    @Test
    void aRuleViolationWrappedByTheCommandBusIsFoundInTheCauses() {
        RuleViolation violation = RuleViolation.badRequest("dueDate", "milestone.due-date.past", "The due date has passed.");

        ClassifiedError error = ExceptionClassifier.classify(new CommandExecutionException("failed", violation)).orElseThrow();

        assertThat(error).isEqualTo(new ClassifiedError(ApiErrorType.BAD_REQUEST, "dueDate", "milestone.due-date.past",
                "The due date has passed."));
    }

    @Test
    void detailsWinOverTheCauseWhenBothArePresent() {
        LedgerError details = new LedgerError(ErrorCategory.NOT_FOUND, "milestoneId", "milestone.exists", "No such milestone.");

        ClassifiedError error = ExceptionClassifier.classify(
                new CommandExecutionException("failed", new IllegalStateException(), details)).orElseThrow();

        assertThat(error.type()).isEqualTo(ApiErrorType.NOT_FOUND);
        assertThat(error.rule()).isEqualTo("milestone.exists");
    }

    @Test
    void aMissingContractIsNotFoundOnTheContractId() {
        ClassifiedError error = ExceptionClassifier.classify(new AggregateNotFoundException("c-1", "not found")).orElseThrow();

        assertThat(error.type()).isEqualTo(ApiErrorType.NOT_FOUND);
        assertThat(error.field()).isEqualTo("contractId");
        assertThat(error.rule()).isEqualTo("contract.not-found");
    }

    @Test
    void aConcurrentChangeIsAConflict() {
        assertThat(ExceptionClassifier.classify(new ConcurrencyException("seq")).orElseThrow().type()).isEqualTo(ApiErrorType.CONFLICT);
    }

    @Test
    void anythingElseIsUnexpected() {
        assertThat(ExceptionClassifier.classify(new NullPointerException())).isEmpty();
        assertThat(ExceptionClassifier.classify(new CommandExecutionException("no details", null))).isEmpty();
    }
}
