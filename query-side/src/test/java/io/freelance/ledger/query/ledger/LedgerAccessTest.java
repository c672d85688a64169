package io.freelance.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.ledger.LedgerAccount;
import io.freelance.ledger.ledger.LedgerAccounts;
import io.freelance.ledger.query.contract.ContractAccess;
import org.junit.jupiter.api.Test;

/** Who may read which account, decided from the account's kind and owner. */
class LedgerAccessTest {

    private static final Actor ALICE = new Actor("alice", Role.CLIENT);
    private static final Actor CAROL = new Actor("carol", Role.FREELANCER);
    private static final Actor DAVE = new Actor("dave", Role.FREELANCER);
    private static final Actor ERIN = new Actor("erin", Role.FINANCE);
    private static final Actor HANK = new Actor("hank", Role.DISPUTE_HANDLER);

    private final ContractAccess contracts = mock(ContractAccess.class);
    private final LedgerAccess access = new LedgerAccess(contracts);

    @Test
    void usersReadTheirOwnAccountsOnly() {
        readable(ALICE, LedgerAccounts.clientCharges("alice"));
        readable(ALICE, LedgerAccounts.clientRefunds("alice"));
        readable(CAROL, LedgerAccounts.freelancerPending("carol"));
        readable(CAROL, LedgerAccounts.freelancerAvailable("carol"));

        refused(DAVE, LedgerAccounts.clientCharges("alice"));
        refused(ALICE, LedgerAccounts.freelancerPending("carol"));
    }

    @Test
    void anEscrowAccountIsReadByTheContractsPartiesAndDisputeHandlers() {
        when(contracts.isParty(ALICE, "c-1")).thenReturn(true);
        when(contracts.isParty(CAROL, "c-1")).thenReturn(true);

        readable(ALICE, LedgerAccounts.escrow("c-1"));
        readable(CAROL, LedgerAccounts.escrow("c-1"));
        readable(HANK, LedgerAccounts.escrow("c-1"));
        refused(DAVE, LedgerAccounts.escrow("c-1"));
    }

    @Test
    void anEscrowAccountWhoseContractIdIsAUsersIdIsNotThatUsers() {
        refused(DAVE, LedgerAccounts.escrow("dave"));
    }

    @Test
    void thePlatformsFeesAreForFinanceOnly() {
        refused(ALICE, LedgerAccounts.SERVICE_FEES);
        refused(HANK, LedgerAccounts.MARKETPLACE_FEES);
        readable(ERIN, LedgerAccounts.SERVICE_FEES);
    }

    @Test
    void financeReadsEveryAccount() {
        readable(ERIN, LedgerAccounts.clientCharges("alice"));
        readable(ERIN, LedgerAccounts.freelancerAvailable("carol"));
        readable(ERIN, LedgerAccounts.escrow("c-1"));
    }

    private void readable(Actor actor, LedgerAccount account) {
        assertThatCode(() -> access.requireReadable(actor, account)).as("%s reads %s", actor.userId(), account)
                .doesNotThrowAnyException();
    }

    private void refused(Actor actor, LedgerAccount account) {
        assertThatThrownBy(() -> access.requireReadable(actor, account)).as("%s reads %s", actor.userId(), account)
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.error().field()).isEqualTo("account");
                    assertThat(violation.error().rule()).isEqualTo("account.access");
                });
    }
}
