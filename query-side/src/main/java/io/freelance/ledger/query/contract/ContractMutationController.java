package io.freelance.ledger.query.contract;

import io.freelance.ledger.query.graphql.Inputs;

import io.freelance.ledger.common.Money;
import io.freelance.ledger.contract.DeclineContractCommand;
import io.freelance.ledger.contract.HourlyTerms;
import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.contract.OfferFixedPriceContractCommand;
import io.freelance.ledger.contract.OfferHourlyContractCommand;
import io.freelance.ledger.query.contract.ContractInputs.AcceptContractInput;
import io.freelance.ledger.query.contract.ContractInputs.DeclineContractInput;
import io.freelance.ledger.query.contract.ContractInputs.EndContractInput;
import io.freelance.ledger.query.contract.ContractInputs.MilestoneInput;
import io.freelance.ledger.query.contract.ContractInputs.OfferFixedPriceContractInput;
import io.freelance.ledger.query.contract.ContractInputs.OfferHourlyContractInput;
import io.freelance.ledger.query.security.Caller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Offering, accepting, declining and ending contracts. */
@Controller
public class ContractMutationController {

    private final ContractCommands commands;
    private final Counterparties counterparties;

    public ContractMutationController(ContractCommands commands, Counterparties counterparties) {
        this.commands = commands;
        this.counterparties = counterparties;
    }

    @MutationMapping
    public ContractPayload offerFixedPriceContract(@Argument OfferFixedPriceContractInput input, Caller caller) {
        String contractId = DeterministicIds.contractId(caller.userId(), Inputs.idempotencyKey("idempotencyKey", input.idempotencyKey()));
        String currency = Inputs.currency("currency", input.currency());
        OfferFixedPriceContractCommand command = new OfferFixedPriceContractCommand(contractId, caller.userId(),
                freelancer(input.freelancerId()), Inputs.title("title", input.title()), currency,
                milestoneTerms(contractId, input.milestones()));
        return commands.offer(caller, contractId, command);
    }

    @MutationMapping
    public ContractPayload offerHourlyContract(@Argument OfferHourlyContractInput input, Caller caller) {
        String contractId = DeterministicIds.contractId(caller.userId(), Inputs.idempotencyKey("idempotencyKey", input.idempotencyKey()));
        Money hourlyRate = Inputs.money("hourlyRate", input.hourlyRate());
        HourlyTerms terms = new HourlyTerms(hourlyRate, input.weeklyLimitHours(), Boolean.TRUE.equals(input.manualTimeAllowed()));
        OfferHourlyContractCommand command = new OfferHourlyContractCommand(contractId, caller.userId(),
                freelancer(input.freelancerId()), Inputs.title("title", input.title()), terms);
        return commands.offer(caller, contractId, command);
    }

    @MutationMapping
    public ContractPayload acceptContract(@Argument AcceptContractInput input, Caller caller) {
        return commands.accept(caller, Inputs.id("contractId", input.contractId()));
    }

    @MutationMapping
    public ContractPayload declineContract(@Argument DeclineContractInput input, Caller caller) {
        String reason = Inputs.optionalNote("reason", input.reason());
        return commands.changeContract(caller, Inputs.id("contractId", input.contractId()),
                contractId -> new DeclineContractCommand(contractId, reason));
    }

    @MutationMapping
    public ContractPayload endContract(@Argument EndContractInput input, Caller caller) {
        String reason = Inputs.optionalNote("reason", input.reason());
        return commands.end(caller, Inputs.id("contractId", input.contractId()), reason);
    }

    private String freelancer(String freelancerId) {
        return counterparties.requireFreelancer("freelancerId", Inputs.id("freelancerId", freelancerId));
    }

    /** Milestone ids derive from the contract id and the position in the offer, so a retried offer repeats them. */
    private static List<MilestoneTerms> milestoneTerms(String contractId, List<MilestoneInput> milestones) {
        Inputs.boundedList("milestones", milestones, Inputs.MAX_MILESTONES);
        List<MilestoneTerms> terms = new ArrayList<>(milestones.size());
        for (int index = 0; index < milestones.size(); index++) {
            MilestoneInput milestone = milestones.get(index);
            String field = "milestones[" + index + "]";
            terms.add(new MilestoneTerms(DeterministicIds.offeredMilestoneId(contractId, index),
                    Inputs.description(field + ".description", milestone.description()),
                    Inputs.money(field + ".depositAmount", milestone.depositAmount()),
                    milestone.dueDate()));
        }
        return terms;
    }
}
