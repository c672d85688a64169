package io.freelance.ledger.command.contract;

import io.freelance.ledger.command.escrow.EscrowCloser;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.freelance.ledger.command.escrow.EscrowAccount;
import io.freelance.ledger.command.escrow.EscrowPolicy;
import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.AggregateVersions;
import io.freelance.ledger.common.AggregateVersions.AggregateVersion;
import io.freelance.ledger.common.Money;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;
import io.freelance.ledger.contract.AcceptContractCommand;
import io.freelance.ledger.contract.ChangeWeeklyLimitCommand;
import io.freelance.ledger.contract.ContractAcceptedEvent;
import io.freelance.ledger.contract.ContractDeclinedEvent;
import io.freelance.ledger.contract.ContractEndedEvent;
import io.freelance.ledger.contract.ContractPausedEvent;
import io.freelance.ledger.contract.ContractResumedEvent;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.contract.ContractType;
import io.freelance.ledger.contract.DeclineContractCommand;
import io.freelance.ledger.contract.EndContractCommand;
import io.freelance.ledger.contract.FixedPriceContractOfferedEvent;
import io.freelance.ledger.contract.HourlyContractOfferedEvent;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import io.freelance.ledger.contract.PauseContractCommand;
import io.freelance.ledger.contract.ResumeContractCommand;
import io.freelance.ledger.contract.WeeklyLimitChangedEvent;
import io.freelance.ledger.contract.WeeklyLimitSchedule;
import io.freelance.ledger.escrow.EscrowAccountId;
import io.freelance.ledger.messaging.RoomId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import io.freelance.ledger.command.common.AggregateCaches;
import io.freelance.ledger.command.common.ContractParties;
import io.freelance.ledger.command.messaging.Room;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A contract between a client and a freelancer, from offer to end. Accepting a fixed-price contract
 * opens its escrow account in the same unit of work, so no accepted contract is ever without one; accepting
 * any contract opens its room the same way.
 * <p>
 * The contract id derives from the client and their idempotency key, so an offer reaches an existing
 * contract only when it reuses a key. The contract itself decides what that is: the same terms are a retry,
 * answered as the first time with nothing recorded; other terms are refused as a reused key.
 * <p>
 * An hourly contract's weekly limit can change and the contract can be paused while a dispute runs; the
 * Work Diary reads its {@link #standing()} before recording time under it.
 */
@Aggregate(cache = AggregateCaches.AGGREGATE_CACHE)
public class Contract {

    private static final Set<ContractStatus> ENDABLE = EnumSet.of(ContractStatus.ACTIVE, ContractStatus.PAUSED);
    private static final Set<ContractStatus> RUNNING = ENDABLE;

    @AggregateIdentifier
    private String contractId;
    private ContractType type;
    private ContractParties parties;
    private ContractStatus status;
    private String currency;
    private List<MilestoneTerms> offeredMilestones;
    private OfferedTerms offeredTerms;
    private HourlyTerms hourlyTerms;
    private WeeklyLimitSchedule weeklyLimits;
    private Instant acceptedAt;

    protected Contract() {
        // Axon rebuilds the contract from its events.
    }

    /** @return the contract's id, also when the offer is a retry */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(OfferFixedPriceContractCommand command, MetaData metaData, EscrowPolicy policy) {
        OfferRules.requireOfferedByNamedClient(Actor.fromMetaData(metaData), command.clientId());
        if (isRetryOf(OfferedTerms.of(command))) {
            return contractId;
        }
        OfferRules.requireParties(command.contractId(), command.clientId(), command.freelancerId());
        String title = OfferRules.requireTitle(command.title());
        String knownCurrency = Money.knownCurrency("currency", command.currency()).getCurrencyCode();
        OfferRules.requireMilestones(command.milestones(), knownCurrency, policy);
        apply(new FixedPriceContractOfferedEvent(command.contractId(), command.clientId(), command.freelancerId(),
                title, knownCurrency, List.copyOf(command.milestones()), now()));
        return command.contractId();
    }

    /** @return the contract's id, also when the offer is a retry */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(OfferHourlyContractCommand command, MetaData metaData, EscrowPolicy policy) {
        OfferRules.requireOfferedByNamedClient(Actor.fromMetaData(metaData), command.clientId());
        if (isRetryOf(OfferedTerms.of(command))) {
            return contractId;
        }
        OfferRules.requireParties(command.contractId(), command.clientId(), command.freelancerId());
        String title = OfferRules.requireTitle(command.title());
        OfferRules.requireHourlyTerms(command.terms(), policy);
        apply(new HourlyContractOfferedEvent(command.contractId(), command.clientId(), command.freelancerId(),
                title, command.terms(), now()));
        return command.contractId();
    }

    /**
     * False for a new contract. For an existing one, true when the offer repeats its terms; otherwise the
     * idempotency key was reused, refused without a change.
     */
    private boolean isRetryOf(OfferedTerms offer) {
        if (offeredTerms == null) {
            return false;
        }
        if (!offeredTerms.clientId().equals(offer.clientId())) {
            // Contract ids derive from the client's id, so this is a clash of ids, not a retry.
            throw RuleViolation.conflict("idempotencyKey", "contract.unique",
                    "A different contract already uses this id; choose another idempotencyKey.");
        }
        if (!offeredTerms.equals(offer)) {
            throw RuleViolation.conflict("idempotencyKey", "idempotencyKey.reused", ("This idempotencyKey was first "
                    + "used to offer contract %s with other terms. A retry must repeat the offer exactly; a new offer "
                    + "needs a new idempotencyKey. Nothing was recorded.").formatted(contractId));
        }
        return true;
    }

    /** @return the new versions of the contract and, for a fixed-price contract, of the escrow account it opens */
    @CommandHandler
    public AggregateVersions handle(AcceptContractCommand command, MetaData metaData) throws Exception {
        parties.requireFreelancer(Actor.fromMetaData(metaData), "accept it");
        requireStatus(EnumSet.of(ContractStatus.OFFERED), "accepted");
        apply(new ContractAcceptedEvent(contractId, type, parties.clientId(), parties.freelancerId(), now()));
        AggregateVersion contract = ownVersion();
        if (type != ContractType.FIXED_PRICE) {
            return AggregateVersions.of(contract, openRoom());
        }
        Long escrowVersion = AggregateLifecycle.createNew(EscrowAccount.class,
                () -> new EscrowAccount(parties, currency, offeredMilestones)).version();
        return AggregateVersions.of(contract, new AggregateVersion(EscrowAccount.class.getSimpleName(),
                EscrowAccountId.forContract(contractId), escrowVersion), openRoom());
    }

    /** The contract's room, with its two parties, in the acceptance's unit of work. */
    private AggregateVersion openRoom() throws Exception {
        Long roomVersion = AggregateLifecycle.createNew(Room.class,
                () -> new Room(contractId, parties.clientId(), parties.freelancerId())).version();
        return new AggregateVersion(Room.class.getSimpleName(), RoomId.forContract(contractId), roomVersion);
    }

    @CommandHandler
    public Long handle(DeclineContractCommand command, MetaData metaData) {
        parties.requireFreelancer(Actor.fromMetaData(metaData), "decline it");
        String reason = TextInput.optional("reason", command.reason(), TextInput.NOTE_MAX_LENGTH, "The reason");
        requireStatus(EnumSet.of(ContractStatus.OFFERED), "declined");
        apply(new ContractDeclinedEvent(contractId, reason, now()));
        return AggregateLifecycle.getVersion();
    }

    /** A fixed-price contract's escrow account closes in the same unit of work as the end: both new versions are answered. */
    @CommandHandler
    public AggregateVersions handle(EndContractCommand command, MetaData metaData, EscrowCloser escrowCloser) {
        Actor actor = Actor.fromMetaData(metaData);
        parties.requireParty(actor);
        String reason = TextInput.optional("reason", command.reason(), TextInput.NOTE_MAX_LENGTH, "The reason");
        requireStatus(ENDABLE, "ended");
        apply(new ContractEndedEvent(contractId, type, actor.userId(), actor.role(), reason, now()));
        AggregateVersion contract = ownVersion();
        if (type != ContractType.FIXED_PRICE) {
            return AggregateVersions.of(contract);
        }
        return AggregateVersions.of(contract, escrowCloser.closeForEndedContract(contractId, actor));
    }

    /**
     * The client changes an hourly contract's weekly limit. An increase applies at once, a decrease from
     * the next Monday 00:00 UTC; asking for what was last asked for changes nothing.
     */
    @CommandHandler
    public Long handle(ChangeWeeklyLimitCommand command, MetaData metaData) {
        parties.requireClient(Actor.fromMetaData(metaData), "change the weekly limit");
        requireHourly("have a weekly limit");
        Integer limit = command.weeklyLimitHours();
        OfferRules.requireWeeklyLimit(limit);
        requireStatus(RUNNING, "given a new weekly limit");
        if (!weeklyLimits.alreadyRequested(limit)) {
            Instant now = now();
            apply(new WeeklyLimitChangedEvent(contractId, weeklyLimits.latestLimit(), limit,
                    weeklyLimits.effectiveFromForChange(limit, now), now));
        }
        return AggregateLifecycle.getVersion();
    }

    /**
     * Pausing a paused contract changes nothing: a dispute process may send its pause again. Hourly and
     * fixed-price contracts alike: any dispute pauses its contract (DESIGN §4).
     */
    @CommandHandler
    public Long handle(PauseContractCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        PauseRules.requireMayPause(actor, parties, "pause a contract");
        String reason = TextInput.required("reason", command.reason(), TextInput.NOTE_MAX_LENGTH, "The reason for the pause");
        if (status != ContractStatus.PAUSED) {
            requireStatus(EnumSet.of(ContractStatus.ACTIVE), "paused");
            apply(new ContractPausedEvent(contractId, actor.userId(), actor.role(), reason, now()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Resuming an active contract changes nothing. */
    @CommandHandler
    public Long handle(ResumeContractCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        PauseRules.requireMayPause(actor, parties, "resume a contract");
        String reason = TextInput.optional("reason", command.reason(), TextInput.NOTE_MAX_LENGTH, "The reason");
        if (status != ContractStatus.ACTIVE) {
            requireStatus(EnumSet.of(ContractStatus.PAUSED), "resumed");
            apply(new ContractResumedEvent(contractId, actor.userId(), actor.role(), reason, now()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** What the Work Diary checks before it records time under this contract. */
    public ContractStanding standing() {
        return new ContractStanding(parties, type, status, acceptedAt, hourlyTerms, weeklyLimits);
    }

    /** @param what completing "only hourly contracts …" */
    private void requireHourly(String what) {
        if (type != ContractType.HOURLY) {
            throw RuleViolation.badRequest("contractId", "contract.hourly-only",
                    "Contract %s is fixed-price; only hourly contracts %s.".formatted(contractId, what));
        }
    }

    private AggregateVersion ownVersion() {
        return new AggregateVersion(Contract.class.getSimpleName(), contractId, AggregateLifecycle.getVersion());
    }

    private void requireStatus(Set<ContractStatus> allowed, String pastParticiple) {
        if (!allowed.contains(status)) {
            throw RuleViolation.conflict("contractId", "contract.state",
                    "Contract %s is %s; only %s contracts can be %s."
                            .formatted(contractId, describe(status), describe(allowed), pastParticiple));
        }
    }

    private static String describe(Set<ContractStatus> statuses) {
        return String.join(" or ", statuses.stream().map(Contract::describe).toList());
    }

    private static String describe(ContractStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Axon test fixtures control this clock; production reads the system clock through it. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(FixedPriceContractOfferedEvent event) {
        contractId = event.contractId();
        type = ContractType.FIXED_PRICE;
        parties = new ContractParties(event.contractId(), event.clientId(), event.freelancerId());
        status = ContractStatus.OFFERED;
        currency = event.currency();
        offeredMilestones = event.milestones();
        offeredTerms = OfferedTerms.of(event);
    }

    @EventSourcingHandler
    void on(HourlyContractOfferedEvent event) {
        contractId = event.contractId();
        type = ContractType.HOURLY;
        parties = new ContractParties(event.contractId(), event.clientId(), event.freelancerId());
        status = ContractStatus.OFFERED;
        offeredMilestones = List.of();
        offeredTerms = OfferedTerms.of(event);
        hourlyTerms = event.terms();
        weeklyLimits = WeeklyLimitSchedule.offered(event.terms().weeklyLimitHours());
    }

    @EventSourcingHandler
    void on(ContractAcceptedEvent event) {
        status = ContractStatus.ACTIVE;
        acceptedAt = event.acceptedAt();
    }

    @EventSourcingHandler
    void on(WeeklyLimitChangedEvent event) {
        weeklyLimits = weeklyLimits.with(event);
    }

    @EventSourcingHandler
    void on(ContractPausedEvent event) {
        status = ContractStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(ContractResumedEvent event) {
        status = ContractStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ContractDeclinedEvent event) {
        status = ContractStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(ContractEndedEvent event) {
        status = ContractStatus.ENDED;
    }
}
