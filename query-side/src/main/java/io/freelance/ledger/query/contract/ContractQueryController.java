package io.freelance.ledger.query.contract;

import io.freelance.ledger.query.graphql.Inputs;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.security.UserView;

import io.freelance.ledger.common.Role;
import io.freelance.ledger.contract.ContractStatus;
import io.freelance.ledger.query.contract.ContractPageQuery;
import io.freelance.ledger.query.contract.ContractPartyRole;
import io.freelance.ledger.query.contract.ContractReadModel;
import io.freelance.ledger.query.contract.ContractView;
import io.freelance.ledger.query.contract.ListedContract;
import io.freelance.ledger.query.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
public class ContractQueryController {

    /** A contract's place in its party's list of contracts, which pages are read by. */
    private static final String LIST_POSITION_KEY = "listPosition";

    private final ContractAccess access;
    private final ContractReadModel contracts;

    public ContractQueryController(ContractAccess access, ContractReadModel contracts) {
        this.access = access;
        this.contracts = contracts;
    }

    @QueryMapping
    public Window<ContractView> contracts(ScrollSubrange page, @Argument ContractFilter filter, Caller caller) {
        int pageSize = Pages.size(page);
        Long after = Pages.after(page).map(keys -> Pages.number(keys, LIST_POSITION_KEY)).orElse(null);
        ContractFilter effective = filter == null ? new ContractFilter(null, null) : filter;
        ContractPageQuery query = new ContractPageQuery(caller.userId(), effective.role(), effective.status(), pageSize, after);
        return Pages.window(contracts.findPage(query), pageSize, listed -> Map.of(LIST_POSITION_KEY, listed.position()),
                ListedContract::contract);
    }

    @QueryMapping
    public ContractView contract(@Argument String id, Caller caller) {
        return access.requireReadable(caller.actor(), "id", Inputs.id("id", id));
    }

    @SchemaMapping(typeName = "Contract")
    public UserView client(ContractView contract) {
        return new UserView(contract.clientId(), Role.CLIENT);
    }

    @SchemaMapping(typeName = "Contract")
    public UserView freelancer(ContractView contract) {
        return new UserView(contract.freelancerId(), Role.FREELANCER);
    }

    @SchemaMapping(typeName = "Contract")
    public UserView endedBy(ContractView contract, Caller reader) {
        return UserView.actingAs(contract.endedBy(), contract.endedByRole(), reader);
    }

    public record ContractFilter(ContractPartyRole role, List<ContractStatus> status) {
    }
}
