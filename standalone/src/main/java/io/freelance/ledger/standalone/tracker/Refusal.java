package io.freelance.ledger.standalone.tracker;

/**
 * Why the service (or the way to it) did not do what was asked, as the summary counts it: the
 * service's classification and rule where it gave them, otherwise the HTTP status or TRANSPORT.
 */
record Refusal(String classification, String rule, String message) {

    /** The cell was recorded before, by this run or an earlier one: nothing to do, not an error. */
    boolean alreadyRecorded() {
        return "CONFLICT".equals(classification) && "cellDateTime.overlap".equals(rule);
    }

    /** The key errors are counted under, e.g. {@code CONFLICT cellDateTime.locked-week}. */
    String key() {
        return rule == null || rule.isBlank() ? classification : classification + " " + rule;
    }
}
