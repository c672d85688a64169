package io.freelance.ledger.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.freelance.ledger.common.ErrorCategory;
import io.freelance.ledger.common.LedgerError;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.failure.CommandFailures;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
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

    /** The command side's bus translates them; raw, as no bus of this service hands them over, they refuse nothing. */
    @Test
    void axonsOwnRefusalsAreReadFromTheDetailsTheCommandBusGivesThem() {
        ConcurrencyException raw = new ConcurrencyException("seq");
        CommandExecutionException translated = new CommandExecutionException("changed", raw, CommandFailures.concurrentChange());

        assertThat(Rejections.isRule(translated, "contract.concurrent-change")).isTrue();
        assertThat(Rejections.of(translated).orElseThrow().category()).isEqualTo(ErrorCategory.CONFLICT);
        assertThat(Rejections.of(raw)).isEmpty();
    }

    @Test
    void noFreeDatabaseConnectionIsARetriableConflict() {
        assertThat(Rejections.isRule(new IllegalStateException(new SQLTransientConnectionException("pool exhausted")),
                "service.busy")).isTrue();
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
