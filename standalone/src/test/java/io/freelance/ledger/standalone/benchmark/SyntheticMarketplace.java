package io.freelance.ledger.standalone.benchmark;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractDeclinedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.FundsAvailableEvent;
import io.freelance.ledger.escrow.MilestoneFundedEvent;
import io.freelance.ledger.escrow.MilestoneReleasedEvent;
import io.freelance.ledger.escrow.MilestoneSubmittedEvent;
import io.freelance.ledger.escrow.ReleaseReason;
import io.freelance.ledger.ledger.EntryCause;
import io.freelance.ledger.ledger.FeeRates;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.JournalLeg;
import io.freelance.ledger.ledger.LedgerAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic history of fixed-price contracts as the Contract and EscrowAccount aggregates record
 * it: offers, declines, acceptances with their escrow accounts, fundings, submissions, releases, funds
 * becoming available and contracts ending, with balanced journal entries and exact amounts. Demo users
 * take part so the API can be asked as them: alice is the client of one contract in twenty (a party
 * with many contracts), bob of three only; everyone else is one of thousands of other users.
 */
final class SyntheticMarketplace {

    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String CAROL = "carol";
    static final String DAVE = "dave";

    private static final String CURRENCY = "USD";
    private static final String CONTRACT_AGGREGATE = "Contract";
    private static final String ESCROW_AGGREGATE = "EscrowAccount";
    private static final int OTHER_CLIENTS = 5_000;
    private static final int OTHER_FREELANCERS = 5_000;
    private static final int ALICE_IS_CLIENT_EVERY = 20;
    private static final int CAROL_IS_FREELANCER_EVERY = 50;
    private static final int BOB_CONTRACTS = 3;
    private static final BigDecimal MARKETPLACE_FEE_PERCENT = FeeRates.UPWORK_DEFAULT.clientMarketplaceFeePercent();
    private static final BigDecimal SERVICE_FEE_PERCENT = FeeRates.UPWORK_DEFAULT.freelancerServiceFeePercent();
    /** An approval records a SHA-256 of its arguments (64 hex digits); synthetic ones need only its size. */
    private static final String APPROVAL_FINGERPRINT = "0".repeat(64);
    private static final Instant FIRST_OFFER = Instant.parse("2026-01-05T09:00:00Z");

    private final Random random = new Random(20261129);
    private final ExpectedLedger expectedLedger = new ExpectedLedger();
    private final List<String> aliceContractIds = new ArrayList<>();
    private final List<SyntheticEvent> pending = new ArrayList<>();
    private long contractCount;
    private long eventCount;

    /** The events of {@code count} more contracts, each contract's events in the order its aggregates recorded them. */
    List<SyntheticEvent> nextContracts(int count) {
        pending.clear();
        for (int index = 0; index < count; index++) {
            addContract(contractCount++);
        }
        return List.copyOf(pending);
    }

    ExpectedLedger expectedLedger() {
        return expectedLedger;
    }

    List<String> aliceContractIds() {
        return aliceContractIds;
    }

    int bobContractCount() {
        return BOB_CONTRACTS;
    }

    long contractCount() {
        return contractCount;
    }

    long eventCount() {
        return eventCount;
    }

    private void addContract(long number) {
        String contractId = "contract-%08d".formatted(number);
        String client = clientOf(number);
        String freelancer = freelancerOf(number, client);
        if (client.equals(ALICE)) {
            aliceContractIds.add(contractId);
        }
        Instant offeredAt = FIRST_OFFER.plus(Duration.ofMinutes(number));
        List<MilestoneTerms> milestones = milestones(offeredAt);
        contractEvent(contractId, 0, new FixedPriceContractOfferedEvent(contractId, client, freelancer,
                "Project " + number, CURRENCY, milestones, offeredAt));

        int stage = random.nextInt(100);
        Instant acceptedAt = offeredAt.plus(Duration.ofHours(2));
        if (stage < 8) {
            return; // still an offer
        }
        if (stage < 12) {
            contractEvent(contractId, 1, new ContractDeclinedEvent(contractId, "Not available", acceptedAt));
            return;
        }
        String escrowId = EscrowAccountId.forContract(contractId);
        contractEvent(contractId, 1, new ContractAcceptedEvent(contractId, ContractType.FIXED_PRICE, client, freelancer, acceptedAt));
        escrowEvent(escrowId, 0, new EscrowAccountOpenedEvent(escrowId, contractId, client, freelancer, CURRENCY, milestones, acceptedAt));
        if (stage < 20) {
            return; // accepted, nothing funded yet
        }
        MilestoneTerms first = milestones.get(0);
        Money deposit = first.depositAmount();
        Instant fundedAt = acceptedAt.plus(Duration.ofHours(1));
        Money marketplaceFee = deposit.percent(MARKETPLACE_FEE_PERCENT);
        escrowEvent(escrowId, 1, new MilestoneFundedEvent(escrowId, contractId, first.milestoneId(), "fund-" + contractId,
                deposit, Money.zero(CURRENCY), deposit, marketplaceFee,
                funding(contractId, client, first.milestoneId(), deposit, marketplaceFee, fundedAt), fundedAt));
        if (stage < 55) {
            return; // work in progress on a funded milestone
        }
        Instant submittedAt = fundedAt.plus(Duration.ofDays(3));
        escrowEvent(escrowId, 2, new MilestoneSubmittedEvent(escrowId, contractId, first.milestoneId(), 1, "Done",
                submittedAt, submittedAt.plus(Duration.ofDays(14))));
        Instant releasedAt = submittedAt.plus(Duration.ofDays(1));
        Money serviceFee = deposit.percent(SERVICE_FEE_PERCENT);
        JournalEntry release = release(contractId, freelancer, first.milestoneId(), deposit, serviceFee, releasedAt);
        escrowEvent(escrowId, 3, new MilestoneReleasedEvent(escrowId, contractId, first.milestoneId(), freelancer,
                ReleaseReason.APPROVED_BY_CLIENT, "approve-" + contractId, APPROVAL_FINGERPRINT, deposit, serviceFee,
                Money.zero(CURRENCY),
                "Thanks", release, releasedAt, releasedAt.plus(Duration.ofDays(5))));
        if (stage < 75) {
            return; // paid, still in the security period
        }
        Instant availableAt = releasedAt.plus(Duration.ofDays(5));
        Money paid = deposit.minus(serviceFee);
        escrowEvent(escrowId, 4, new FundsAvailableEvent(escrowId, contractId, freelancer, release.entryId(), paid,
                fundsAvailable(contractId, freelancer, first.milestoneId(), paid, availableAt), availableAt));
        if (stage < 90) {
            return;
        }
        contractEvent(contractId, 2, new ContractEndedEvent(contractId, ContractType.FIXED_PRICE, client, Role.CLIENT,
                "Delivered", availableAt));
    }

    private String clientOf(long number) {
        if (number < BOB_CONTRACTS) {
            return BOB;
        }
        if (number % ALICE_IS_CLIENT_EVERY == 0) {
            return ALICE;
        }
        return "client-%05d".formatted(random.nextInt(OTHER_CLIENTS));
    }

    private String freelancerOf(long number, String client) {
        if (client.equals(BOB)) {
            return DAVE;
        }
        if (client.equals(ALICE) ? number % 2 == 0 : number % CAROL_IS_FREELANCER_EVERY == 1) {
            return CAROL;
        }
        return "freelancer-%05d".formatted(random.nextInt(OTHER_FREELANCERS));
    }

    /** One to three milestones of 5.00 to 2,000.00, whole cents. */
    private List<MilestoneTerms> milestones(Instant offeredAt) {
        int count = 1 + random.nextInt(3);
        List<MilestoneTerms> milestones = new ArrayList<>(count);
        for (int index = 1; index <= count; index++) {
            Money deposit = new Money(BigDecimal.valueOf(500 + random.nextInt(199_501), 2), CURRENCY);
            LocalDate due = LocalDate.ofInstant(offeredAt.plus(Duration.ofDays(14L * index)), ZoneOffset.UTC);
            milestones.add(new MilestoneTerms("m-" + index, "Milestone " + index, deposit, due));
        }
        return milestones;
    }

    private JournalEntry funding(String contractId, String client, String milestoneId, Money deposit, Money fee, Instant at) {
        return entry(EntryCause.milestone("milestone-funding", contractId, milestoneId), at,
                new JournalLeg(LedgerAccounts.clientCharges(client), deposit.plus(fee).negate()),
                new JournalLeg(LedgerAccounts.escrow(contractId), deposit),
                new JournalLeg(LedgerAccounts.MARKETPLACE_FEES, fee));
    }

    private JournalEntry release(String contractId, String freelancer, String milestoneId, Money released, Money fee, Instant at) {
        return entry(EntryCause.milestone("milestone-release", contractId, milestoneId), at,
                new JournalLeg(LedgerAccounts.escrow(contractId), released.negate()),
                new JournalLeg(LedgerAccounts.freelancerPending(freelancer), released.minus(fee)),
                new JournalLeg(LedgerAccounts.SERVICE_FEES, fee));
    }

    private JournalEntry fundsAvailable(String contractId, String freelancer, String milestoneId, Money amount, Instant at) {
        return entry(EntryCause.milestone("funds-available", contractId, milestoneId), at,
                new JournalLeg(LedgerAccounts.freelancerPending(freelancer), amount.negate()),
                new JournalLeg(LedgerAccounts.freelancerAvailable(freelancer), amount));
    }

    private JournalEntry entry(EntryCause cause, Instant at, JournalLeg... legs) {
        String entryId = JournalEntry.deterministicId(cause.kind(), cause.contractId(), cause.milestoneId());
        JournalEntry entry = new JournalEntry(entryId, at, cause, FeeRates.UPWORK_DEFAULT, List.of(legs));
        expectedLedger.apply(entry);
        return entry;
    }

    private void contractEvent(String contractId, long sequenceNumber, Object payload) {
        pending.add(new SyntheticEvent(CONTRACT_AGGREGATE, contractId, sequenceNumber, eventCount++, payload));
    }

    private void escrowEvent(String escrowId, long sequenceNumber, Object payload) {
        pending.add(new SyntheticEvent(ESCROW_AGGREGATE, escrowId, sequenceNumber, eventCount++, payload));
    }
}
