package io.freelance.ledger.query.readstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * A versioned upsert whose version filter does not match tries to insert a second document with
 * the same id and fails on the unique {@code _id}: that failure means "already applied".
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(MongoWriteException exception) {
        return ErrorCategory.fromErrorCode(exception.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
