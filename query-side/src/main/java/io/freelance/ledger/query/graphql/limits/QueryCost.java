package io.freelance.ledger.query.graphql.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import io.freelance.ledger.query.graphql.Pages;
import java.util.Map;

/**
 * What a field costs: 1, plus what it selects. A top-level field costs {@value #TOP_LEVEL_FIELD_COST}
 * (it reads the read store or sends a command), those that read every account of the ledger more; a
 * field that returns a page ({@code first}) costs its selection once per entry of the page.
 */
final class QueryCost implements FieldComplexityCalculator {

    static final int TOP_LEVEL_FIELD_COST = 10;

    /** Top-level fields that read every account in the ledger (finance sees them all). */
    private static final Map<String, Integer> WHOLE_LEDGER_FIELD_COSTS = Map.of("trialBalance", 200, "ledgerAccounts", 200);

    private static final String PAGE_SIZE_ARGUMENT = "first";

    @Override
    public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
        return ownCost(environment) + entries(environment) * childComplexity;
    }

    private static int ownCost(FieldComplexityEnvironment environment) {
        if (environment.getParentEnvironment() != null) {
            return 1;
        }
        return WHOLE_LEDGER_FIELD_COSTS.getOrDefault(environment.getFieldDefinition().getName(), TOP_LEVEL_FIELD_COST);
    }

    /** A page size outside 1–100 is refused by the field itself, with its own rule; here it counts as the nearest. */
    private static int entries(FieldComplexityEnvironment environment) {
        if (environment.getFieldDefinition().getArgument(PAGE_SIZE_ARGUMENT) == null) {
            return 1;
        }
        Object first = environment.getArguments().get(PAGE_SIZE_ARGUMENT);
        int requested = first instanceof Integer size ? size : Pages.DEFAULT_SIZE;
        return Math.max(1, Math.min(requested, Pages.MAX_SIZE));
    }
}
