package io.freelance.ledger.query.ledger.chain;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import io.freelance.ledger.ledger.MoneyMovement;
import io.freelance.ledger.query.ledger.chain.ChainBreak.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;

/**
 * Walks a ledger's hash chain by sequence, from the first link to the head as it stood when the walk
 * began, and recomputes every link twice: from the event in the event store at the entry's position
 * and from the entry as the ledger stores it, each after the previous link's hash. The first link
 * that does not hold is reported, with what differs when that can be told: which side changed (the
 * event, the entry, its link) and the fields that differ between them.
 * <p>
 * Given an anchor (a head exported earlier), it also checks that the chain still reaches the
 * anchor's sequence with the anchor's hash. A plain service: the GraphQL API and an audit command
 * line call it alike.
 */
public class JournalChainVerifier {

    /** Links read and checked together: one read of the chain rows, one of the entries, one of the events. */
    private static final int BATCH_SIZE = 500;

    private final JournalChain chain;
    private final MongoCollection<Document> journalEntries;
    private final Function<Document, StoredJournalEntry> entryReader;
    private final ChainEventReader events;

    public JournalChainVerifier(JournalChain chain, MongoCollection<Document> journalEntries,
                                Function<Document, StoredJournalEntry> entryReader, ChainEventReader events) {
        this.chain = chain;
        this.journalEntries = journalEntries;
        this.entryReader = entryReader;
        this.events = events;
    }

    public ChainHead head() {
        return chain.head();
    }

    public ChainVerification verify() {
        return verify(null);
    }

    /** Verifies the whole chain and, when {@code anchor} is not null, that it reaches the anchor. */
    public ChainVerification verify(ChainAnchor anchor) {
        long started = System.nanoTime();
        ChainHead head = chain.head();
        Walk walk = new Walk(anchor);
        ChainBreak found = walkUpTo(head, walk);
        if (found == null) {
            found = walk.checkEnd(head);
        }
        return new ChainVerification(head, walk.checked, found, anchor == null ? null : found == null || walk.anchorReached,
                (System.nanoTime() - started) / 1e9);
    }

    private ChainBreak walkUpTo(ChainHead head, Walk walk) {
        for (long from = 1; from <= head.sequence(); from += BATCH_SIZE) {
            int count = (int) Math.min(BATCH_SIZE, head.sequence() - from + 1);
            Map<Long, String> entryIds = chain.entryIds(from, count);
            Map<String, StoredJournalEntry> entries = entries(entryIds.values().stream().toList());
            Map<Long, TrackedEventMessage<?>> eventsAtPositions = events.atPositions(positionsOf(entries));
            for (Map.Entry<Long, String> row : entryIds.entrySet()) {
                ChainBreak found = walk.next(row.getKey(), row.getValue(), entries.get(row.getValue()), eventsAtPositions);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Map<String, StoredJournalEntry> entries(List<String> entryIds) {
        Map<String, StoredJournalEntry> byId = new HashMap<>();
        journalEntries.find(in("_id", entryIds)).forEach(document -> {
            StoredJournalEntry entry = entryReader.apply(document);
            byId.put(entry.entryId(), entry);
        });
        return byId;
    }

    private static SortedSet<Long> positionsOf(Map<String, StoredJournalEntry> entries) {
        SortedSet<Long> positions = new TreeSet<>();
        entries.values().forEach(entry -> entry.link().ifPresent(link -> positions.add(link.event().position())));
        return positions;
    }

    /** The walk's state: the last link that held, and whether the anchor was met. */
    private static final class Walk {

        private final ChainAnchor anchor;
        private long previousSequence;
        private String previousHash = CanonicalEntry.GENESIS_HASH;
        private long checked;
        private boolean anchorReached;

        Walk(ChainAnchor anchor) {
            this.anchor = anchor;
            this.anchorReached = anchor != null && anchor.sequence() == 0 && CanonicalEntry.GENESIS_HASH.equals(anchor.hash());
        }

        ChainBreak next(long sequence, String entryId, StoredJournalEntry stored,
                        Map<Long, TrackedEventMessage<?>> eventsAtPositions) {
            ChainBreak anchorPassed = anchorPassedBefore(sequence);
            if (anchorPassed != null) {
                return anchorPassed;
            }
            ChainBreak found = check(sequence, entryId, stored, eventsAtPositions);
            if (found != null) {
                return found;
            }
            checked++;
            previousSequence = sequence;
            previousHash = stored.link().orElseThrow().hash();
            if (anchor != null && anchor.sequence() == sequence) {
                if (!anchor.hash().equals(previousHash)) {
                    return new ChainBreak(Kind.ANCHOR_MISMATCH, sequence, entryId, null, null, anchor.hash(), previousHash,
                            null, List.of(), "The chain reaches sequence " + sequence + " with hash " + previousHash
                            + ", not the anchor's " + anchor.hash() + ": the chain up to the anchor was rewritten.");
                }
                anchorReached = true;
            }
            return null;
        }

        ChainBreak checkEnd(ChainHead head) {
            if (previousSequence != head.sequence() || !previousHash.equals(head.hash())) {
                return new ChainBreak(Kind.HEAD_MISMATCH, head.sequence(), head.entryId(), null, null, head.hash(), previousHash,
                        null, List.of(), "The chain ends at sequence " + previousSequence + " with hash " + previousHash
                        + ", but the ledger's head is sequence " + head.sequence() + " with hash " + head.hash()
                        + ": entries after sequence " + previousSequence + " are missing from the chain.");
            }
            if (anchor != null && !anchorReached) {
                return ChainBreak.at(Kind.ANCHOR_MISMATCH, anchor.sequence(), anchor.entryId(),
                        "The chain ends at sequence " + head.sequence() + " without reaching the anchor's sequence "
                                + anchor.sequence() + " with its hash " + anchor.hash() + ".");
            }
            return null;
        }

        private ChainBreak anchorPassedBefore(long sequence) {
            if (anchor == null || anchorReached || anchor.sequence() == 0 || anchor.sequence() >= sequence) {
                return null;
            }
            return ChainBreak.at(Kind.ANCHOR_MISMATCH, anchor.sequence(), anchor.entryId(),
                    "The chain has no entry at the anchor's sequence " + anchor.sequence() + ".");
        }

        private ChainBreak check(long sequence, String entryId, StoredJournalEntry stored,
                                 Map<Long, TrackedEventMessage<?>> eventsAtPositions) {
            if (stored == null) {
                return ChainBreak.at(Kind.ENTRY_MISSING, sequence, entryId, "The chain names entry " + entryId
                        + " at sequence " + sequence + ", which is not in the journal.");
            }
            if (stored.link().isEmpty()) {
                return ChainBreak.at(Kind.ENTRY_ALTERED, sequence, entryId, "Entry " + entryId + " at sequence "
                        + sequence + " carries no chain link.");
            }
            ChainLink link = stored.link().get();
            ChainBreak brokenLink = checkLink(sequence, stored, link);
            if (brokenLink != null) {
                return brokenLink;
            }
            return checkContent(sequence, stored, link, eventsAtPositions.get(link.event().position()));
        }

        private ChainBreak checkLink(long sequence, StoredJournalEntry stored, ChainLink link) {
            if (link.previousSequence() > previousSequence) {
                return ChainBreak.at(Kind.ENTRY_MISSING, link.previousSequence(), null, "Entry " + stored.entryId()
                        + " at sequence " + sequence + " follows sequence " + link.previousSequence()
                        + ", which the chain no longer has (the last entry found before it is sequence " + previousSequence + ").");
            }
            if (link.previousSequence() != previousSequence || !link.previousHash().equals(previousHash)
                    || stored.sequence() != sequence) {
                return new ChainBreak(Kind.LINK_ALTERED, sequence, stored.entryId(), link.event().eventId(),
                        link.event().position(), previousHash, link.previousHash(), null, List.of(),
                        "Entry " + stored.entryId() + " at sequence " + sequence + " links to sequence "
                                + link.previousSequence() + " with hash " + link.previousHash() + "; the chain before it ends at "
                                + previousSequence + " with hash " + previousHash + ".");
            }
            return null;
        }

        private ChainBreak checkContent(long sequence, StoredJournalEntry stored, ChainLink link, TrackedEventMessage<?> event) {
            ChainedEvent recorded = link.event();
            CanonicalEntry fromEntry = stored.entry() == null ? null
                    : CanonicalEntry.of(sequence, previousSequence, previousHash, stored.entry(), recorded);
            String entryHash = fromEntry == null ? null : fromEntry.hash();
            if (event == null) {
                return new ChainBreak(Kind.EVENT_MISSING, sequence, stored.entryId(), recorded.eventId(), recorded.position(),
                        null, link.hash(), entryHash, List.of(), "Entry " + stored.entryId() + " was made from event "
                        + recorded.eventId() + " at position " + recorded.position() + ", which the event store no longer has.");
            }
            Object payload;
            try {
                payload = event.getPayload();
            } catch (RuntimeException unreadable) {
                return eventUnreadable(sequence, stored, link, entryHash, "cannot be read: " + unreadable.getMessage());
            }
            if (!(payload instanceof MoneyMovement movement) || movement.journalEntry() == null) {
                return eventUnreadable(sequence, stored, link, entryHash, "no longer carries a journal entry ("
                        + (payload == null ? "no payload" : payload.getClass().getSimpleName()) + ")");
            }
            ChainedEvent found = new ChainedEvent(event.getIdentifier(), payload.getClass().getSimpleName(), recorded.position());
            CanonicalEntry fromEvent = CanonicalEntry.of(sequence, previousSequence, previousHash, movement.journalEntry(), found);
            String eventHash = fromEvent.hash();
            boolean eventHolds = eventHash.equals(link.hash());
            boolean entryHolds = link.hash().equals(entryHash);
            if (eventHolds && entryHolds) {
                return null;
            }
            if (entryHolds) {
                return new ChainBreak(Kind.EVENT_ALTERED, sequence, stored.entryId(), found.eventId(), found.position(),
                        eventHash, link.hash(), entryHash, fromEntry.differencesFrom(fromEvent, "recorded", "event store now"),
                        "Event " + found.eventId() + " at position " + found.position() + " (" + found.eventType()
                                + ") differs from what the ledger recorded from it as entry " + stored.entryId() + ".");
            }
            List<String> differences = fromEntry == null ? List.of("entry: " + stored.unreadableBecause())
                    : fromEvent.differencesFrom(fromEntry, "event store", "stored entry");
            String which = eventHolds ? "differs from its event " : differences.isEmpty()
                    ? "agrees with its event but not with its stored hash; the hash was changed. Event "
                    : "and its stored hash both differ from its event ";
            return new ChainBreak(Kind.ENTRY_ALTERED, sequence, stored.entryId(), found.eventId(), found.position(),
                    eventHash, link.hash(), entryHash, differences,
                    "Entry " + stored.entryId() + " at sequence " + sequence + " " + which + found.eventId()
                            + " at position " + found.position() + ".");
        }

        private ChainBreak eventUnreadable(long sequence, StoredJournalEntry stored, ChainLink link, String entryHash,
                                           String why) {
            return new ChainBreak(Kind.EVENT_UNREADABLE, sequence, stored.entryId(), link.event().eventId(),
                    link.event().position(), null, link.hash(), entryHash, List.of(),
                    "Event " + link.event().eventId() + " at position " + link.event().position() + " " + why + ".");
        }
    }
}
