package io.freelance.ledger.contract;

import io.freelance.ledger.common.Money;
import java.time.LocalDate;

/** What the parties agree a milestone delivers, for how much, and by when. */
public record MilestoneTerms(String milestoneId, String description, Money depositAmount, LocalDate dueDate) {

    /** The most milestones one contract may have; both sides enforce it. */
    public static final int MAXIMUM_PER_CONTRACT = 100;
}
