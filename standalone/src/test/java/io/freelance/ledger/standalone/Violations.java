package io.freelance.ledger.standalone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broken promises found by a long scenario, grouped by the rule they break, so one run reports every
 * kind of failure at once instead of stopping at the first.
 */
final class Violations {

    private static final int DETAILS_SHOWN_PER_RULE = 15;

    private final Map<String, List<String>> detailsByRule = new LinkedHashMap<>();

    synchronized void add(String rule, String detail) {
        detailsByRule.computeIfAbsent(rule, ignored -> new ArrayList<>()).add(detail);
    }

    synchronized void addAll(String rule, List<String> details) {
        details.forEach(detail -> add(rule, detail));
    }

    synchronized boolean isEmpty() {
        return detailsByRule.isEmpty();
    }

    synchronized String report() {
        if (detailsByRule.isEmpty()) {
            return "no violations";
        }
        StringBuilder report = new StringBuilder();
        detailsByRule.forEach((rule, details) -> {
            report.append("\n- ").append(rule).append(": ").append(details.size()).append(" case(s)");
            details.stream().limit(DETAILS_SHOWN_PER_RULE).forEach(detail -> report.append("\n    ").append(detail));
            if (details.size() > DETAILS_SHOWN_PER_RULE) {
                report.append("\n    …");
            }
        });
        return report.toString();
    }
}
