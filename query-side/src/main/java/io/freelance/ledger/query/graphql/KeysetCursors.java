package io.freelance.ledger.query.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page's position as the text of a cursor: the keys of where it ended, as JSON ({@code {"posting":42}}).
 * Keys are names and whole numbers, read back as {@code String} and {@code Long}. Anything else a caller
 * sends is refused as a bad request on {@code after} ({@code cursor.invalid}); Spring GraphQL's own
 * strategy would answer an unclassified failure.
 */
final class KeysetCursors implements CursorStrategy<ScrollPosition> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> KEYS = new TypeReference<>() {
    };

    @Override
    public boolean supports(Class<?> targetType) {
        return ScrollPosition.class.isAssignableFrom(targetType);
    }

    @Override
    public String toCursor(ScrollPosition position) {
        // Every list pages by keys (Pages.window); an offset would be a bug, not something a caller sent.
        return JSON.writeValueAsString(((KeysetScrollPosition) position).getKeys());
    }

    @Override
    public ScrollPosition fromCursor(String cursor) {
        Map<String, Object> keys;
        try {
            keys = JSON.readValue(cursor, KEYS);
        } catch (JacksonException notKeys) {
            throw Pages.invalidCursor();
        }
        if (keys == null || keys.isEmpty()) {
            throw Pages.invalidCursor();
        }
        Map<String, Object> read = new LinkedHashMap<>();
        keys.forEach((name, value) -> read.put(name, keyValue(value)));
        return ScrollPosition.forward(read);
    }

    private static Object keyValue(Object value) {
        if (value instanceof String) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw Pages.invalidCursor();
    }
}
