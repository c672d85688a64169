package io.freelance.ledger.query.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.freelance.ledger.common.Role;
import io.freelance.ledger.query.readstore.BsonTimes;
import java.time.Clock;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * {@code ledger.security.mode=jwt}: the identity provider owns the users, and the service learns of
 * one at the first request signed with their token. The {@code users} collection holds one document
 * per user, keyed by {@code _id} = user id, with the role of their latest token; it is read only by
 * {@code _id}, which the embedded MongoDB server answers without scanning the collection.
 */
public class SignedInUserDirectory implements UserDirectory {

    static final String COLLECTION = "users";
    static final String ROLE = "role";
    static final String FIRST_SIGN_IN_AT = "firstSignInAt";
    static final String ROLE_SINCE = "roleSince";

    /** Users recorded by this process, so a request writes only for a new user or a changed role. */
    private static final int REMEMBERED_USERS = 10_000;

    private final MongoCollection<Document> users;
    private final Clock clock;
    private final Map<String, Role> recorded = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Role> eldest) {
            return size() > REMEMBERED_USERS;
        }
    });

    public SignedInUserDirectory(MongoDatabase readModelDatabase) {
        this(readModelDatabase, Clock.systemUTC());
    }

    SignedInUserDirectory(MongoDatabase readModelDatabase, Clock clock) {
        this.users = readModelDatabase.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Optional<Role> roleOf(String userId) {
        Document user = users.find(eq("_id", userId)).projection(Projections.include(ROLE)).first();
        return Optional.ofNullable(user).map(document -> document.getString(ROLE)).flatMap(ApiRoles::parse);
    }

    /** Records a signed-in user and the role their token carries; a repeat costs no write. */
    public void recordSignIn(String userId, Role role) {
        if (recorded.get(userId) == role) {
            return;
        }
        if (roleOf(userId).orElse(null) != role) {
            Date now = BsonTimes.toDate(clock.instant());
            users.updateOne(eq("_id", userId),
                    Updates.combine(Updates.set(ROLE, role.name()), Updates.set(ROLE_SINCE, now),
                            Updates.setOnInsert(FIRST_SIGN_IN_AT, now)),
                    new UpdateOptions().upsert(true));
        }
        recorded.put(userId, role);
    }
}
