package io.freelance.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freelance.ledger.common.RuleViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerAccountTest {

    @Test
    void everyAccountOfTheChartIsNamedAsDesignSectionFiveWritesIt() {
        assertThat(LedgerAccounts.clientCharges("alice").name()).isEqualTo("client:alice:charges");
        assertThat(LedgerAccounts.clientRefunds("alice").name()).isEqualTo("client:alice:refunds");
        assertThat(LedgerAccounts.escrow("c-1").name()).isEqualTo("escrow:c-1");
        assertThat(LedgerAccounts.freelancerPending("carol").name()).isEqualTo("freelancer:carol:pending");
        assertThat(LedgerAccounts.freelancerAvailable("carol").name()).isEqualTo("freelancer:carol:available");
        assertThat(LedgerAccounts.SERVICE_FEES.name()).isEqualTo("platform:fees:service");
        assertThat(LedgerAccounts.MARKETPLACE_FEES.name()).isEqualTo("platform:fees:marketplace");
    }

    @Test
    void everyAccountCarriesWhomItIsKeptFor() {
        assertOwner(LedgerAccounts.clientCharges("alice"), AccountOwner.CLIENT, "alice", "alice");
        assertOwner(LedgerAccounts.clientRefunds("alice"), AccountOwner.CLIENT, "alice", "alice");
        assertOwner(LedgerAccounts.freelancerPending("carol"), AccountOwner.FREELANCER, "carol", "carol");
        assertOwner(LedgerAccounts.freelancerAvailable("carol"), AccountOwner.FREELANCER, "carol", "carol");
        assertOwner(LedgerAccounts.escrow("c-1"), AccountOwner.CONTRACT, "c-1", null);
        assertOwner(LedgerAccounts.SERVICE_FEES, AccountOwner.PLATFORM, null, null);
        assertOwner(LedgerAccounts.MARKETPLACE_FEES, AccountOwner.PLATFORM, null, null);
    }

    @Test
    void aNameReadsBackIntoTheAccountItNamesForEveryKind() {
        List<LedgerAccount> accounts = Arrays.stream(AccountKind.values())
                .map(kind -> new LedgerAccount(kind, kind.owner() == AccountOwner.PLATFORM ? null : "owner-1"))
                .toList();

        assertThat(accounts).allSatisfy(account -> assertThat(LedgerAccount.named(account.name())).contains(account));
    }

    @Test
    void aNameWithASeparatorInsideTheIdStillNamesOneAccount() {
        // Ids stored before ids were restricted to a safe alphabet may hold ':'.
        assertThat(LedgerAccount.named("client:a:refunds:charges")).contains(LedgerAccounts.clientCharges("a:refunds"));
        assertThat(LedgerAccount.named("escrow:c:1")).contains(LedgerAccounts.escrow("c:1"));
    }

    @Test
    void aNameOutsideTheChartNamesNoAccount() {
        assertThat(List.of("", "client:alice", "client::charges", "escrow:", "freelancer:carol:paid",
                "platform:fees", "platform:fees:service:x", "platform:alice:service", "alice"))
                .allSatisfy(name -> assertThat(LedgerAccount.named(name)).as(name).isEqualTo(Optional.empty()));
        assertThat(LedgerAccount.named(null)).isEmpty();
    }

    @Test
    void aNameTypedByAPersonThatNamesNoAccountIsRefusedNamingFieldAndRule() {
        assertThatThrownBy(() -> LedgerAccount.parse("account", "client:alice"))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.error().field()).isEqualTo("account");
                    assertThat(violation.error().rule()).isEqualTo(LedgerAccount.UNKNOWN_ACCOUNT_RULE);
                });
        assertThat(LedgerAccount.parse("account", "escrow:c-1")).isEqualTo(LedgerAccounts.escrow("c-1"));
    }

    @Test
    void aPlatformAccountHasNoOwnerAndEveryOtherAccountHasOne() {
        assertThatThrownBy(() -> new LedgerAccount(AccountKind.SERVICE_FEES, "alice"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerAccount(AccountKind.ESCROW, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerAccount(AccountKind.CLIENT_CHARGES, "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertOwner(LedgerAccount account, AccountOwner owner, String ownerId, String userId) {
        assertThat(account.kind().owner()).as(account.name()).isEqualTo(owner);
        assertThat(account.ownerId()).as(account.name()).isEqualTo(ownerId);
        assertThat(account.userId()).as(account.name()).isEqualTo(userId);
    }
}
