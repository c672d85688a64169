package io.freelance.ledger.query.escrow;

import io.freelance.ledger.contract.MilestoneTerms;
import io.freelance.ledger.query.contract.ContractView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A contract's {@code milestones} and {@code escrow}, joined from its escrow account's read model. The
 * accounts of every contract in one answer are read together, in one query by {@code _id} (a batch
 * loader), so a page of contracts costs one more read, not one per contract. The loader caches nothing:
 * a subscription keeps its loaders for as long as it runs, and a cached account would show every later
 * view of the contract the escrow as it stood at the first (one answer asks for each contract once anyway).
 */
@Controller
public class ContractEscrowController {

    public ContractEscrowController(BatchLoaderRegistry batchLoaders, EscrowReadModel escrowAccounts) {
        batchLoaders.forTypePair(String.class, EscrowState.class)
                .withOptions(options -> options.setCachingEnabled(false))
                .registerMappedBatchLoader((contractIds, environment) ->
                        Mono.fromSupplier(() -> escrowAccounts.findByContractIds(contractIds)));
    }

    /** The escrow account's schedule once it has opened; the offered milestones before (or without) one. */
    @SchemaMapping(typeName = "Contract")
    public CompletableFuture<List<MilestoneRow>> milestones(ContractView contract, DataLoader<String, EscrowState> escrowStates) {
        return escrowStates.load(contract.id())
                .thenApply(state -> state != null ? state.milestones() : offered(contract.offeredMilestones()));
    }

    @SchemaMapping(typeName = "Contract")
    public CompletableFuture<EscrowSummary> escrow(ContractView contract, DataLoader<String, EscrowState> escrowStates) {
        return escrowStates.load(contract.id()).thenApply(state -> state == null ? null : state.escrow());
    }

    private static List<MilestoneRow> offered(List<MilestoneTerms> terms) {
        List<MilestoneRow> rows = new ArrayList<>(terms.size());
        for (int index = 0; index < terms.size(); index++) {
            rows.add(MilestoneRow.offered(terms.get(index), index + 1));
        }
        return rows;
    }
}
