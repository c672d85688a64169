package io.freelance.ledger.standalone;

import static io.freelance.ledger.standalone.LedgerApi.milestone;

import io.freelance.ledger.standalone.GraphQlHttpClient.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One client's fixed-price contract with one milestone, driven offer → accept → fund → submit →
 * approve over HTTP. Every request of a step is built from the same inputs and keys, so a retry is
 * the same request a frontend would repeat. Remembers what was acknowledged and where it stopped.
 */
final class FixedPriceFlow {

    private static final BigDecimal MARKETPLACE_FEE_PERCENT = new BigDecimal("5");
    private static final BigDecimal SERVICE_FEE_PERCENT = new BigDecimal("10");

    private final String name;
    private final DemoUser client;
    private final DemoUser freelancer;
    private final String currency;
    private final BigDecimal deposit;
    private volatile String contractId;
    private volatile String milestoneId;
    private volatile FlowStep lastAcknowledged;
    private volatile FlowStep interruptedAt;
    private volatile Answer interruption;

    FixedPriceFlow(String name, DemoUser client, DemoUser freelancer, String currency, BigDecimal deposit) {
        this.name = name;
        this.client = client;
        this.freelancer = freelancer;
        this.currency = currency;
        this.deposit = deposit.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Sends the step; learns the contract's ids from an acknowledged offer. */
    Answer perform(LedgerApi api, FlowStep step) {
        Answer answer = Answer.of(() -> send(api, step));
        if (answer.acknowledged()) {
            learnIds(answer.contractId(step.mutation()), answer.contract(step.mutation()));
        }
        return answer;
    }

    void acknowledged(FlowStep step) {
        if (lastAcknowledged == null || step.isAtLeast(lastAcknowledged)) {
            lastAcknowledged = step;
        }
    }

    void interrupted(FlowStep step, Answer answer) {
        interruptedAt = step;
        interruption = answer;
    }

    private Response send(LedgerApi api, FlowStep step) {
        return switch (step) {
            case OFFER -> api.offerFixedPrice(client, key("offer"), freelancer.id(), currency,
                    List.of(milestone("Work of " + name, deposit.toPlainString(), currency)));
            case ACCEPT -> api.accept(freelancer, requireContractId());
            case FUND -> api.fund(client, requireContractId(), milestoneId(api), key("fund"));
            case SUBMIT -> api.submit(freelancer, requireContractId(), milestoneId(api), "Delivered " + name);
            case APPROVE -> api.approve(client, requireContractId(), milestoneId(api), null, key("approve"));
        };
    }

    /** A pending offer names its contract but may not show it yet; the milestone id is then read later. */
    private void learnIds(String answeredContractId, JsonNode contract) {
        if (contractId == null && answeredContractId != null) {
            contractId = answeredContractId;
        }
        if (milestoneId == null && contract.hasNonNull("id")) {
            milestoneId = contract.path("milestones").path(0).path("id").asString();
        }
    }

    private String milestoneId(LedgerApi api) {
        if (milestoneId == null) {
            Waiting.until(Duration.ofSeconds(30), () -> {
                learnIds(contractId, api.contract(client, requireContractId()).data().path("contract"));
                return milestoneId == null ? List.of("the offered contract is not shown yet") : List.of();
            });
        }
        return milestoneId;
    }

    private String requireContractId() {
        if (contractId == null) {
            throw new IllegalStateException(name + " has no contract yet");
        }
        return contractId;
    }

    /** Keys are unique per flow and purpose; the data directory is fresh for every run. */
    private String key(String purpose) {
        return name + "-" + purpose;
    }

    // What the ledger must show once the milestone is released and its security period is over.

    BigDecimal marketplaceFee() {
        return percentOf(deposit, MARKETPLACE_FEE_PERCENT);
    }

    /** The client pays the deposit plus the marketplace fee, once. */
    BigDecimal charged() {
        return deposit.add(marketplaceFee());
    }

    BigDecimal serviceFee() {
        return percentOf(deposit, SERVICE_FEE_PERCENT);
    }

    /** The freelancer receives the release less the service fee. */
    BigDecimal paidToFreelancer() {
        return deposit.subtract(serviceFee());
    }

    /** Rounded half-up to the cent, per transaction, as the ledger rounds. */
    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    String name() {
        return name;
    }

    DemoUser client() {
        return client;
    }

    DemoUser freelancer() {
        return freelancer;
    }

    String currency() {
        return currency;
    }

    BigDecimal deposit() {
        return deposit;
    }

    Optional<String> contractId() {
        return Optional.ofNullable(contractId);
    }

    Optional<FlowStep> lastAcknowledged() {
        return Optional.ofNullable(lastAcknowledged);
    }

    Optional<FlowStep> interruptedAt() {
        return Optional.ofNullable(interruptedAt);
    }

    Optional<Answer> interruption() {
        return Optional.ofNullable(interruption);
    }

    @Override
    public String toString() {
        return name + " (" + client.id() + "→" + freelancer.id() + ", " + deposit + " " + currency
                + ", contract " + contractId + ", last acknowledged " + lastAcknowledged + ", interrupted at " + interruptedAt + ")";
    }
}
