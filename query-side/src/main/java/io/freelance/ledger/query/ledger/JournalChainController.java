package io.freelance.ledger.query.ledger;

import io.freelance.ledger.common.Actor;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.query.graphql.Pages;
import io.freelance.ledger.query.ledger.chain.ChainAnchor;
import io.freelance.ledger.query.ledger.chain.ChainVerification;
import io.freelance.ledger.query.ledger.chain.JournalChain;
import io.freelance.ledger.query.ledger.chain.JournalChainVerifier;
import io.freelance.ledger.query.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The journal's tamper evidence for the finance team: verify the hash chain, export its head, list kept anchors. */
@Controller
public class JournalChainController {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** An anchor's day (UTC), which kept anchors are paged by. */
    private static final String DAY_KEY = "day";

    private final JournalChainVerifier verifier;
    private final JournalChain chain;

    public JournalChainController(JournalChainVerifier verifier, JournalChain chain) {
        this.verifier = verifier;
        this.chain = chain;
    }

    /** The anchor a caller hands back: the sequence and hash of an exported head. */
    public record JournalChainAnchorInput(Integer sequence, String hash) {
    }

    @QueryMapping
    public ChainVerification verifyJournalChain(@Argument JournalChainAnchorInput anchor, Caller caller) {
        requireFinance(caller.actor());
        return verifier.verify(anchor == null ? null : anchorOf(anchor));
    }

    @QueryMapping
    public ChainAnchor journalChainAnchor(Caller caller) {
        requireFinance(caller.actor());
        return ChainAnchor.of(verifier.head(), Instant.now());
    }

    @QueryMapping
    public Window<ChainAnchor> journalChainAnchors(ScrollSubrange page, Caller caller) {
        requireFinance(caller.actor());
        int size = Pages.size(page);
        LocalDate before = Pages.after(page).map(keys -> day(Pages.text(keys, DAY_KEY))).orElse(null);
        List<ChainAnchor> anchors = chain.anchors(before, size + 1);
        return Pages.window(anchors, size, anchor -> Map.of(DAY_KEY, dayOf(anchor).toString()), Function.identity());
    }

    private static void requireFinance(Actor actor) {
        if (actor.role() != Role.FINANCE) {
            throw RuleViolation.forbidden(null, "role.finance", "Only the finance team may verify the journal's hash chain.");
        }
    }

    private static ChainAnchor anchorOf(JournalChainAnchorInput input) {
        if (input.sequence() == null || input.sequence() < 0) {
            throw RuleViolation.badRequest("anchor.sequence", "anchor.sequence",
                    "anchor.sequence must be a ledger sequence, 0 or more.");
        }
        String hash = input.hash() == null ? "" : input.hash().trim().toLowerCase(Locale.ROOT);
        if (!SHA_256_HEX.matcher(hash).matches()) {
            throw RuleViolation.badRequest("anchor.hash", "anchor.hash",
                    "anchor.hash must be a SHA-256 hash written as 64 hexadecimal digits, as journalChainAnchor exports it.");
        }
        return new ChainAnchor(input.sequence(), null, hash, null);
    }

    /** The day an anchor closes: kept anchors are taken at midnight UTC after their day. */
    private static LocalDate dayOf(ChainAnchor anchor) {
        return LocalDate.ofInstant(anchor.anchoredAt(), ZoneOffset.UTC).minusDays(1);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleViolation.badRequest("after", "cursor.invalid",
                    "after must be a cursor this list returned (pageInfo.endCursor or an edge's cursor).");
        }
    }
}
