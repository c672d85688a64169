package io.freelance.ledger.query.messaging.notification;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.query.readstore.BsonTimes;
import io.freelance.ledger.query.readstore.DuplicateKeys;
import io.freelance.ledger.query.readstore.IdLists;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Every email the service sends, in the read store: the {@code email_outbox} collection, one document per
 * email keyed by its id, and each recipient's list of them in {@code email_outbox_lists} (read by
 * {@code _id}, as the embedded read store needs). The unique {@code _id} is what makes sending exactly-once:
 * only the first record of an id succeeds.
 */
public class EmailOutbox {

    static final String COLLECTION = "email_outbox";
    static final String LISTS_COLLECTION = "email_outbox_lists";
    private static final String ID = "_id";
    private static final String RECIPIENT = "recipientUserId";
    private static final String TO = "to";
    private static final String SUBJECT = "subject";
    private static final String BODY = "body";
    private static final String SENT_AT = "sentAt";
    private static final String STATUS = "status";
    private static final String FAILURE = "failure";

    private final MongoCollection<Document> emails;
    private final IdLists recipientLists;

    public EmailOutbox(MongoDatabase readModelDatabase) {
        this.emails = readModelDatabase.getCollection(COLLECTION);
        this.recipientLists = new IdLists(readModelDatabase.getCollection(LISTS_COLLECTION));
    }

    /**
     * Records the email under its id; false when that id is recorded already, which leaves the record as it
     * was. Synchronized: the recipient lists take one writer at a time.
     */
    public synchronized boolean record(OutgoingEmail email, String to, Instant sentAt, EmailStatus status) {
        boolean first = insert(new Document(ID, email.emailId())
                .append(RECIPIENT, email.recipientUserId())
                .append(TO, to)
                .append(SUBJECT, email.subject())
                .append(BODY, email.body())
                .append(SENT_AT, BsonTimes.toDate(sentAt))
                .append(STATUS, status.name()));
        // Also for a repeat: a crash between the two writes left the email out of its recipient's list.
        recipientLists.append(email.recipientUserId(), email.emailId());
        return first;
    }

    public void settle(String emailId, EmailStatus status, String failure) {
        emails.updateOne(eq(ID, emailId), Updates.combine(Updates.set(STATUS, status.name()), Updates.set(FAILURE, failure)));
    }

    /** Up to {@code limit} of the recipient's emails, newest first, each with its place in their list. */
    public List<Listed> newestFirst(String recipientUserId, Long beforePosition, int limit) {
        List<IdLists.Entry> entries = recipientLists.newestFirst(recipientUserId, beforePosition, limit);
        Map<String, SentEmail> byId = new HashMap<>();
        emails.find(in(ID, entries.stream().map(IdLists.Entry::id).toList()))
                .forEach(document -> byId.put(document.getString(ID), toView(document)));
        return entries.stream()
                .map(entry -> byId.get(entry.id()) == null ? null : new Listed(entry.position(), byId.get(entry.id())))
                .filter(Objects::nonNull)
                .filter(listed -> listed.email().recipientUserId().equals(recipientUserId))
                .toList();
    }

    public void deleteAll() {
        emails.deleteMany(new Document());
        recipientLists.deleteAll();
    }

    private boolean insert(Document email) {
        try {
            emails.insertOne(email);
            return true;
        } catch (MongoWriteException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static SentEmail toView(Document document) {
        return new SentEmail(document.getString(ID), document.getString(RECIPIENT), document.getString(TO),
                document.getString(SUBJECT), document.getString(BODY), BsonTimes.instant(document, SENT_AT),
                EmailStatus.valueOf(document.getString(STATUS)));
    }

    /** An email and its place in its recipient's list, for a cursor. */
    public record Listed(long position, SentEmail email) {
    }
}
