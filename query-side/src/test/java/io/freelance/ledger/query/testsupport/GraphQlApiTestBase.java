package io.freelance.ledger.query.testsupport;

import io.freelance.ledger.query.contract.ContractProjection;
import io.freelance.ledger.query.contract.ContractStore;
import io.freelance.ledger.query.escrow.EscrowProjection;
import io.freelance.ledger.query.ledger.LedgerProjection;
import io.freelance.ledger.query.ledger.LedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A {@link GraphQlApiTest}: every test starts from empty read models, calls the API through
 * {@link #graphQl} and puts contracts and money in through {@link #seeds}.
 */
@GraphQlApiTest
public abstract class GraphQlApiTestBase {

    @Autowired
    protected ContractProjection contractProjection;
    @Autowired
    protected EscrowProjection escrowProjection;

    protected GraphQlHttp graphQl;
    protected Seeds seeds;

    @LocalServerPort
    private int port;
    @Autowired
    private LedgerProjection ledgerProjection;
    @Autowired
    private ContractStore contractStore;
    @Autowired
    private LedgerStore ledgerStore;

    /** Runs before each subclass's own {@code @BeforeEach}, so their seeding lands in empty read models. */
    @BeforeEach
    void startFromEmptyReadModels() {
        graphQl = new GraphQlHttp(port);
        seeds = new Seeds(contractProjection, escrowProjection, ledgerProjection, contractStore, ledgerStore);
        seeds.clear();
    }
}
