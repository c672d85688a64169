package io.freelance.ledger.query.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;

/**
 * Cursors are opaque: base64url of the {@link KeysetCursors keys}, so callers pass them back rather than
 * build them. A cursor that does not decode, or is longer than any this service writes, is refused as a
 * bad request on {@code after}. As an {@link EncodingCursorStrategy} bean it replaces Spring Boot's default
 * for the {@code ScrollSubrange} arguments and the connections Spring GraphQL builds from windows.
 */
@Configuration(proxyBeanMethods = false)
public class OpaqueCursors implements CursorEncoder {

    private static final int MAX_CURSOR_LENGTH = 1_000;

    @Bean
    public EncodingCursorStrategy<ScrollPosition> pageCursors() {
        return CursorStrategy.withEncoder(new KeysetCursors(), this);
    }

    @Override
    public String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw Pages.invalidCursor();
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw Pages.invalidCursor();
        }
    }
}
