package io.freelance.ledger.standalone;

import io.freelance.ledger.command.dispute.DisputeRegister;
import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.command.invoice.Invoice;
import io.freelance.ledger.command.invoice.InvoicePolicy;
import io.freelance.ledger.command.invoice.IssueInvoiceCommand;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.UtcWeek;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.diary.DiaryInput;
import io.freelance.ledger.diary.UnprotectedReason;
import io.freelance.ledger.diary.WorkDiaryId;
import io.freelance.ledger.dispute.DecideHourDisputeCommand;
import io.freelance.ledger.dispute.DisputeInvoiceHoursCommand;
import io.freelance.ledger.dispute.HourDisputeResponse;
import io.freelance.ledger.dispute.RespondToHourDisputeCommand;
import io.freelance.ledger.escrow.ApproveMilestoneCommand;
import io.freelance.ledger.escrow.CloseEscrowAccountCommand;
import io.freelance.ledger.escrow.DisputeRefundCommand;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.escrow.EscrowAccountOpenedEvent;
import io.freelance.ledger.escrow.EscrowRefundDisputedEvent;
import io.freelance.ledger.escrow.FundMilestoneCommand;
import io.freelance.ledger.escrow.SettleEscrowDisputeCommand;
import io.freelance.ledger.escrow.SubmitMilestoneCommand;
import io.freelance.ledger.invoice.ApproveInvoiceCommand;
import io.freelance.ledger.invoice.InvoiceId;
import io.freelance.ledger.invoice.InvoicedCell;
import io.freelance.ledger.ledger.JournalEntry;
import io.freelance.ledger.ledger.MoneyMovement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Journal entries as the real aggregates write them for random command sequences: escrow accounts (funding,
 * submissions, partial releases with bonuses, retries, the contract ended by either party with a refund the
 * freelancer may dispute, and the dispute desk's settlement of it: release, refund or a split) and hourly invoices (approval, hour disputes accepted, contested and decided, or left
 * to the rules), each run in Axon's aggregate fixture until every deadline has passed. Several of them share
 * clients, freelancers and currencies, so they meet on the same ledger accounts.
 */
final class RandomMoneyStreams {

    /** One journal entry as its event carried it: what the ledger applies, and when the event was recorded. */
    record Movement(String aggregateId, String eventId, JournalEntry entry, String eventType, Instant recordedAt) {
    }

    private static final List<String> CLIENTS = List.of("client-a", "client-b");
    private static final List<String> FREELANCERS = List.of("freelancer-a", "freelancer-b");
    static final List<String> CURRENCIES = List.of("USD", "EUR");
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration LONG_AFTER_EVERY_DEADLINE = Duration.ofDays(60);
    private static final DisputeRegister NO_CONTRACT_TO_PAUSE = new DisputeRegister() {
        @Override
        public void disputeOpened(String contractId, String disputeId, String invoiceId) {
            // The contracts of these invoices exist only in the ledger's accounts.
        }

        @Override
        public void disputeSettled(String contractId, String disputeId) {
            // As above.
        }
    };

    private RandomMoneyStreams() {
    }

    /** One to four escrow accounts and invoices; each list is one aggregate's entries in its stream's order. */
    static List<List<Movement>> draw(Random random, long seed) {
        int aggregates = 1 + random.nextInt(4);
        List<List<Movement>> streams = new ArrayList<>();
        for (int index = 0; index < aggregates; index++) {
            String contractId = "contract-" + seed + "-" + index;
            String client = CLIENTS.get(random.nextInt(CLIENTS.size()));
            String freelancer = FREELANCERS.get(random.nextInt(FREELANCERS.size()));
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            List<Movement> stream = random.nextInt(3) == 0
                    ? invoice(random, contractId, client, freelancer, currency)
                    : escrow(random, contractId, client, freelancer, currency);
            if (!stream.isEmpty()) {
                streams.add(stream);
            }
        }
        return streams;
    }

    private static List<Movement> escrow(Random random, String contractId, String client, String freelancer, String currency) {
        String escrowId = EscrowAccountId.forContract(contractId);
        int milestones = 1 + random.nextInt(4);
        List<MilestoneTerms> terms = new ArrayList<>();
        List<CommandMessage<?>> commands = new ArrayList<>();
        Actor clientActor = new Actor(client, Role.CLIENT);
        Actor freelancerActor = new Actor(freelancer, Role.FREELANCER);
        boolean leftInEscrow = false;
        for (int index = 0; index < milestones; index++) {
            String milestoneId = "m" + index;
            long depositCents = random.nextLong(100, 300_000);
            terms.add(new MilestoneTerms(milestoneId, "Milestone " + index, money(depositCents, currency), LocalDate.of(2027, 1, 31)));
            if (leftInEscrow || random.nextInt(5) == 0) {
                continue; // never funded: only one milestone may be funded and open at a time
            }
            commands.add(by(clientActor, new FundMilestoneCommand(escrowId, milestoneId, "fund-" + index)));
            if (random.nextBoolean()) {
                commands.add(by(freelancerActor, new SubmitMilestoneCommand(escrowId, milestoneId, "Delivered")));
            }
            switch (random.nextInt(3)) {
                case 0 -> leftInEscrow = true; // funded, or submitted: its automatic release comes with the deadlines
                case 1 -> commands.add(by(clientActor, new ApproveMilestoneCommand(escrowId, milestoneId,
                        money(random.nextLong(1, depositCents + 1), currency), null, null, "approve-" + index)));
                default -> {
                    Money bonus = money(random.nextLong(1, 10_000), currency);
                    CommandMessage<?> approve = by(clientActor, new ApproveMilestoneCommand(escrowId, milestoneId,
                            money(depositCents, currency), bonus, "Thanks", "approve-" + index));
                    commands.add(approve);
                    commands.add(approve); // a retry: pays nothing twice
                }
            }
        }
        if (random.nextBoolean()) {
            Actor endedBy = random.nextBoolean() ? clientActor : freelancerActor;
            commands.add(by(new Actor("system", Role.SYSTEM), new CloseEscrowAccountCommand(escrowId, endedBy.userId(), endedBy.role())));
            // Only a client's ending with money still in escrow leaves a refund the freelancer can dispute.
            if (endedBy == clientActor && leftInEscrow && random.nextBoolean()) {
                commands.add(by(freelancerActor, new DisputeRefundCommand(escrowId, "The work was delivered.")));
            }
        }
        var fixture = new AggregateTestFixture<>(EscrowAccount.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        var given = fixture.givenCurrentTime(START)
                .andGiven(new EscrowAccountOpenedEvent(escrowId, contractId, client, freelancer, currency, terms, START))
                .andGivenCommands(commands);
        Money disputed = refundDisputed(fixture.getEventStore().readEvents(escrowId).asStream().toList());
        if (disputed != null) {
            // The dispute desk decides: all to the freelancer, all back to the client, or a split.
            long cents = disputed.amount().movePointRight(2).longValueExact();
            long released = switch (random.nextInt(3)) {
                case 0 -> cents;
                case 1 -> 0;
                default -> random.nextLong(0, cents + 1);
            };
            given = given.andGivenCommands(by(new Actor("system", Role.SYSTEM), new SettleEscrowDisputeCommand(escrowId,
                    "dispute-" + contractId, null, money(released, currency), money(cents - released, currency))));
        }
        given.whenThenTimeElapses(LONG_AFTER_EVERY_DEADLINE);
        return movements(fixture.getEventStore().readEvents(escrowId).asStream().toList());
    }

    private static List<Movement> invoice(Random random, String contractId, String client, String freelancer, String currency) {
        LocalDate week = UtcWeek.weekStartDate(START);
        String invoiceId = InvoiceId.forWeek(contractId, week);
        List<InvoicedCell> cells = cells(random, week);
        Money rate = money(random.nextLong(500, 20_000), currency);
        List<CommandMessage<?>> commands = new ArrayList<>();
        commands.add(by(new Actor("system", Role.SYSTEM), new IssueInvoiceCommand(invoiceId, contractId, client, freelancer,
                WorkDiaryId.forWeek(contractId, week), week, rate, cells, 0)));
        Actor clientActor = new Actor(client, Role.CLIENT);
        switch (random.nextInt(4)) {
            case 0 -> { } // reviewed in silence: paid when the review ends
            case 1 -> commands.add(by(clientActor, new ApproveInvoiceCommand(invoiceId)));
            default -> {
                List<Instant> disputed = cells.stream().map(InvoicedCell::cellDateTime).filter(cell -> random.nextInt(3) == 0).toList();
                commands.add(by(clientActor, new DisputeInvoiceHoursCommand(invoiceId,
                        disputed.isEmpty() ? List.of(cells.get(0).cellDateTime()) : disputed, "Not worked.")));
                Actor freelancerActor = new Actor(freelancer, Role.FREELANCER);
                switch (random.nextInt(3)) {
                    case 0 -> { } // no answer: the rules decide at the deadline
                    case 1 -> commands.add(by(freelancerActor,
                            new RespondToHourDisputeCommand(invoiceId, HourDisputeResponse.ACCEPT_REFUND, null)));
                    default -> {
                        commands.add(by(freelancerActor,
                                new RespondToHourDisputeCommand(invoiceId, HourDisputeResponse.CONTEST, "Worked.")));
                        List<Instant> refunded = cells.stream().filter(cell -> !cell.isProtected())
                                .map(InvoicedCell::cellDateTime).filter(cell -> disputed.contains(cell) && random.nextBoolean()).toList();
                        commands.add(by(new Actor("handler", Role.DISPUTE_HANDLER),
                                new DecideHourDisputeCommand(invoiceId, refunded, "Decided.")));
                    }
                }
            }
        }
        var fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(EscrowPolicy.defaults());
        fixture.registerInjectableResource(InvoicePolicy.defaults());
        fixture.registerInjectableResource(NO_CONTRACT_TO_PAUSE);
        fixture.givenCurrentTime(UtcWeek.invoicedAt(week).plus(Duration.ofHours(random.nextInt(24))))
                .andGivenCommands(commands)
                .whenThenTimeElapses(LONG_AFTER_EVERY_DEADLINE);
        return movements(fixture.getEventStore().readEvents(invoiceId).asStream().toList());
    }

    /** One to a few hundred cells of the week, protected, manual, or tracked without protection. */
    private static List<InvoicedCell> cells(Random random, LocalDate week) {
        List<Instant> slots = DiaryInput.cellsBetween(UtcWeek.startOf(week), UtcWeek.startOf(week).plus(UtcWeek.LENGTH));
        int count = 1 + random.nextInt(300);
        int first = random.nextInt(slots.size() - count);
        List<InvoicedCell> cells = new ArrayList<>();
        for (Instant slot : slots.subList(first, first + count)) {
            cells.add(switch (random.nextInt(3)) {
                case 0 -> new InvoicedCell(slot, false, List.of());
                case 1 -> new InvoicedCell(slot, true, List.of(UnprotectedReason.MANUAL));
                default -> new InvoicedCell(slot, false, List.of(UnprotectedReason.NO_SCREENSHOT));
            });
        }
        return cells;
    }

    /** What the freelancer's dispute of the refund holds in escrow; null when the refund was not disputed. */
    private static Money refundDisputed(List<? extends DomainEventMessage<?>> events) {
        return events.stream().map(DomainEventMessage::getPayload)
                .filter(EscrowRefundDisputedEvent.class::isInstance).map(EscrowRefundDisputedEvent.class::cast)
                .map(EscrowRefundDisputedEvent::amount).findFirst().orElse(null);
    }

    private static List<Movement> movements(List<? extends DomainEventMessage<?>> events) {
        List<Movement> movements = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof MoneyMovement movement && movement.journalEntry() != null) {
                movements.add(new Movement(event.getAggregateIdentifier(), event.getIdentifier(), movement.journalEntry(),
                        event.getPayloadType().getSimpleName(), event.getTimestamp()));
            }
        }
        return movements;
    }

    private static CommandMessage<?> by(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.asMetaData());
    }

    private static Money money(long cents, String currency) {
        return new Money(BigDecimal.valueOf(cents, 2), currency);
    }
}
