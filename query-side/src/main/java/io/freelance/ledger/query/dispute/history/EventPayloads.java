package io.freelance.ledger.query.dispute.history;

import io.freelance.ledger.common.LedgerSerializerCustomizer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event's payload as JSON, written as the event store writes it (Jackson with the service's own
 * {@link LedgerSerializerCustomizer}), except that decimal numbers become strings ("105.00"): the API writes
 * every amount so, and a JavaScript client would read a JSON number as a binary double and lose cents.
 */
final class EventPayloads {

    private static final String CONTRACT_ID = "contractId";
    private static final JsonMapper JSON = jsonMapper();
    private static final ClassValue<Optional<Method>> CONTRACT_ID_ACCESSORS = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(CONTRACT_ID) && component.getType() == String.class) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        }
    };

    private EventPayloads() {
    }

    static ObjectNode toJson(Object payload) {
        JsonNode tree = JSON.valueToTree(payload);
        ObjectNode object = tree instanceof ObjectNode node ? node : JsonNodeFactory.instance.objectNode().set("value", tree);
        return (ObjectNode) decimalsAsText(object);
    }

    /** The payload as plain maps, lists, strings, numbers and booleans: what the GraphQL JSON scalar writes. */
    static Object toPlain(ObjectNode payload) {
        return JSON.treeToValue(payload, Map.class);
    }

    /**
     * The contract an event belongs to: every event of the service names it in a {@code contractId} field,
     * whichever aggregate records it. Empty for an event that names none.
     */
    static Optional<String> contractIdOf(Object payload) {
        if (payload == null) {
            return Optional.empty();
        }
        return CONTRACT_ID_ACCESSORS.get(payload.getClass()).map(accessor -> {
            try {
                return (String) accessor.invoke(payload);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read the contract id of " + payload.getClass().getName(), e);
            }
        });
    }

    private static JsonNode decimalsAsText(JsonNode node) {
        if (node.isFloatingPointNumber() || node.isBigDecimal()) {
            return JsonNodeFactory.instance.stringNode(node.decimalValue().toPlainString());
        }
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(name -> object.set(name, decimalsAsText(object.get(name))));
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                ((tools.jackson.databind.node.ArrayNode) node).set(index, decimalsAsText(node.get(index)));
            }
        }
        return node;
    }

    private static JsonMapper jsonMapper() {
        JsonMapper.Builder builder = JsonMapper.builder().disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        new LedgerSerializerCustomizer().accept(builder);
        return builder.build();
    }
}
