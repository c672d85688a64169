package io.freelance.ledger.query.ledger.audit;

import io.freelance.ledger.query.ledger.AccountBalance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Audit reports and statements as CSV (RFC 4180, a header row, amounts as plain decimals in the currency's
 * unit), for a spreadsheet or a finance system to read.
 */
public final class AuditCsv {

    private static final CSVFormat REPORT = CSVFormat.RFC4180.builder()
            .setHeader("record", "account", "currency", "expected", "actual", "difference").get();
    private static final CSVFormat STATEMENT = CSVFormat.RFC4180.builder()
            .setHeader("entryId", "globalIndex", "recordedAt", "effectiveAt", "cause", "contractId", "amount",
                    "balanceAfter", "currency").get();

    private AuditCsv() {
    }

    /**
     * One row per difference (expected from the events, actual in the live ledger), one per currency's trial
     * balance (expected: replayed total, actual: live total), balances as of the instant asked for, and a summary.
     */
    public static void writeReport(AuditReport report, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, REPORT)) {
            for (BalanceDifference difference : report.differences()) {
                csv.printRecord("DIFFERENCE", difference.account(), difference.currency(),
                        plain(difference.expected().amount()), plain(difference.actual().amount()),
                        plain(difference.difference().amount()));
            }
            for (CurrencyTotal total : report.trialBalances()) {
                csv.printRecord("TRIAL_BALANCE", "", total.currency(), plain(total.replayedTotal().amount()),
                        report.comparedWithLive() ? plain(total.liveTotal().amount()) : "", "");
            }
            for (AccountBalance balance : report.balancesAsOfRecorded()) {
                csv.printRecord("BALANCE_AS_OF_RECORDED", balance.account(), balance.currency(), plain(balance.balance().amount()), "", "");
            }
            for (AccountBalance balance : report.balancesAsOfEffective()) {
                csv.printRecord("BALANCE_AS_OF_EFFECTIVE", balance.account(), balance.currency(), plain(balance.balance().amount()), "", "");
            }
            csv.printRecord("SUMMARY", "", "", "", "", report.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String report(AuditReport report) {
        StringWriter out = new StringWriter();
        writeReport(report, out);
        return out.toString();
    }

    public static void writeStatement(AccountStatement statement, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, STATEMENT)) {
            for (StatementLine line : statement.lines()) {
                csv.printRecord(line.entryId(), line.globalIndex(), line.recordedAt(), line.effectiveAt(),
                        line.cause().kind(), line.cause().contractId(), plain(line.amount().amount()),
                        plain(line.balanceAfter().amount()), statement.currency());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String statement(AccountStatement statement) {
        StringWriter out = new StringWriter();
        writeStatement(statement, out);
        return out.toString();
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount.toPlainString();
    }
}
