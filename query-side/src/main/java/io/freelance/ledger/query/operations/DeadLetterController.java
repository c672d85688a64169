package io.freelance.ledger.query.operations;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The finance team's view of parked events ({@code deadLetters}) and their retry on request. */
@Controller
public class DeadLetterController {

    private static final int MAX_GROUP_LENGTH = 100;
    private static final int MAX_SEQUENCE_IDENTIFIER_LENGTH = 200;

    private final DeadLetterStore store;
    private final DeadLetterRetrier retrier;

    public DeadLetterController(DeadLetterStore store, DeadLetterRetrier retrier) {
        this.store = store;
        this.retrier = retrier;
    }

    public record RetryDeadLetterSequenceInput(String processingGroup, String sequenceIdentifier) {
    }

    public record RetryDeadLetterSequencePayload(String processingGroup, String sequenceIdentifier, boolean processed,
                                                 long remaining, DeadLetterView deadLetter) {
    }

    @QueryMapping
    public Window<DeadLetterView> deadLetters(@Argument String processingGroup, ScrollSubrange page, Caller caller) {
        requireFinance(caller.actor());
        int pageSize = Pages.size(page);
        List<String> groups = processingGroup == null ? store.processingGroups() : List.of(knownGroup(processingGroup));
        DeadLetterPosition after = Pages.after(page).map(DeadLetterPosition::of).orElse(null);
        List<DeadLetterView> letters = store.page(groups, after, pageSize + 1);
        return Pages.window(letters, pageSize, DeadLetterPosition::keysOf, Function.identity());
    }

    @MutationMapping
    public RetryDeadLetterSequencePayload retryDeadLetterSequence(@Argument RetryDeadLetterSequenceInput input,
                                                                  Caller caller) {
        requireFinance(caller.actor());
        String group = knownGroup(input.processingGroup());
        String sequenceIdentifier = Inputs.requiredText("sequenceIdentifier", input.sequenceIdentifier(), MAX_SEQUENCE_IDENTIFIER_LENGTH);
        DeadLetterRetrier.Outcome outcome = retrier.retryNow(group, sequenceIdentifier);
        return new RetryDeadLetterSequencePayload(group, sequenceIdentifier, outcome.processed(), outcome.remaining(),
                outcome.firstRemaining().orElse(null));
    }

    private String knownGroup(String processingGroup) {
        String group = Inputs.requiredText("processingGroup", processingGroup, MAX_GROUP_LENGTH);
        if (!store.processingGroups().contains(group)) {
            throw DeadLetterRetrier.unknownGroup(group, store);
        }
        return group;
    }

    private static void requireFinance(Actor actor) {
        if (actor.role() != Role.FINANCE) {
            throw RuleViolation.forbidden(null, "role.finance", "Only the finance team may see and retry parked events.");
        }
    }
}
