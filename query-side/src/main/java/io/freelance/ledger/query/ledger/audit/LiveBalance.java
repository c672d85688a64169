package io.freelance.ledger.query.ledger.audit;

/** A balance of the live ledger model as the audit compares it, in minor units. */
public record LiveBalance(String account, String currency, long balanceMinorUnits) {

    LiveBalance without(long minorUnits) {
        return new LiveBalance(account, currency, Math.subtractExact(balanceMinorUnits, minorUnits));
    }
}
