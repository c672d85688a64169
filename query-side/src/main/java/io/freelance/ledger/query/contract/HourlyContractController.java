package io.freelance.ledger.query.contract;

import io.freelance.ledger.contract.ChangeWeeklyLimitCommand;
import io.freelance.ledger.contract.PauseContractCommand;
import io.freelance.ledger.contract.ResumeContractCommand;
import io.freelance.ledger.query.contract.ContractInputs.ChangeWeeklyLimitInput;
import io.freelance.ledger.query.contract.ContractInputs.PauseContractInput;
import io.freelance.ledger.query.contract.ContractInputs.ResumeContractInput;
import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.security.Caller;
import io.freelance.ledger.query.security.UserView;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * What only hourly contracts have: the weekly limit the client changes, the pause a dispute handler puts on
 * a contract while a dispute runs, and the terms as they stand now. The contract decides who may; the
 * limit's range is its rule too.
 */
@Controller
public class HourlyContractController {

    private final ContractCommands commands;

    public HourlyContractController(ContractCommands commands) {
        this.commands = commands;
    }

    @MutationMapping
    public ContractPayload changeWeeklyLimit(@Argument ChangeWeeklyLimitInput input, Caller caller) {
        return commands.changeContract(caller, Inputs.id("contractId", input.contractId()),
                contractId -> new ChangeWeeklyLimitCommand(contractId, input.weeklyLimitHours()));
    }

    @MutationMapping
    public ContractPayload pauseContract(@Argument PauseContractInput input, Caller caller) {
        String reason = Inputs.note("reason", input.reason());
        return commands.changeContractAsAnyRole(caller, Inputs.id("contractId", input.contractId()),
                contractId -> new PauseContractCommand(contractId, reason));
    }

    @MutationMapping
    public ContractPayload resumeContract(@Argument ResumeContractInput input, Caller caller) {
        String reason = Inputs.optionalNote("reason", input.reason());
        return commands.changeContractAsAnyRole(caller, Inputs.id("contractId", input.contractId()),
                contractId -> new ResumeContractCommand(contractId, reason));
    }

    /** The limit in force by the clock the contract's rules use, so a decrease shows as pending until its Monday. */
    @SchemaMapping(typeName = "Contract")
    public HourlyTermsView hourlyTerms(ContractView contract) {
        return HourlyTermsView.of(contract, GenericEventMessage.clock.instant());
    }

    @SchemaMapping(typeName = "Contract")
    public UserView pausedBy(ContractView contract, Caller reader) {
        return UserView.actingAs(contract.pausedBy(), contract.pausedByRole(), reader);
    }
}
