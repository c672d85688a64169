package io.freelance.ledger.query.testsupport;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * A read-model database whose next write to one chosen document fails before it reaches the store: as
 * if the process had died there, or the handler had failed there and its event had gone to the
 * dead-letter queue. The driver's own interfaces are wrapped, so the code under test runs unchanged
 * against the real store through the real driver.
 */
public final class InterruptibleReadStore {

    /** What the interrupted write throws. */
    public static final class Interrupted extends RuntimeException {

        Interrupted(String collection, Object id) {
            super("Interrupted before writing " + (id == null ? "to" : id + " in") + " " + collection);
        }
    }

    private static final Set<String> WRITES = Set.of("insertOne", "insertMany", "updateOne", "updateMany", "replaceOne",
            "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete", "bulkWrite");

    private record Target(String collection, Object id) {
    }

    private final MongoDatabase database;
    private volatile Target armed;

    public InterruptibleReadStore(MongoDatabase real) {
        this.database = proxy(MongoDatabase.class, real, (method, args) -> {
            Object answer = invoke(method, real, args);
            return method.getName().equals("getCollection") ? collection((MongoCollection<?>) answer) : answer;
        });
    }

    public MongoDatabase database() {
        return database;
    }

    /** The next write to {@code collection} addressing the document with {@code _id} {@code id} (any write there when null) fails, once. */
    public void interruptNextWrite(String collection, Object id) {
        armed = new Target(collection, id);
    }

    private MongoCollection<?> collection(MongoCollection<?> real) {
        String name = real.getNamespace().getCollectionName();
        return proxy(MongoCollection.class, real, (method, args) -> {
            Target target = armed;
            if (target != null && WRITES.contains(method.getName()) && target.collection().equals(name)
                    && (target.id() == null || addresses(args, target.id(), real.getCodecRegistry()))) {
                armed = null;
                throw new Interrupted(name, target.id());
            }
            return invoke(method, real, args);
        });
    }

    /** Whether the write's filter (or inserted document) names {@code id} as its {@code _id}. */
    private static boolean addresses(Object[] args, Object id, CodecRegistry codecs) {
        if (args == null || args.length == 0 || !(args[0] instanceof Bson addressed)) {
            return false;
        }
        BsonValue written = addressed.toBsonDocument(BsonDocument.class, codecs).get("_id");
        BsonValue wanted = new Document("_id", id).toBsonDocument(BsonDocument.class, codecs).get("_id");
        return Objects.equals(written, wanted);
    }

    private interface Call {
        Object answer(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T real, Call call) {
        return (T) Proxy.newProxyInstance(InterruptibleReadStore.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> call.answer(method, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }
}
