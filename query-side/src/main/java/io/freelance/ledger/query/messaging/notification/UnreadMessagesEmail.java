package io.freelance.ledger.query.messaging.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The email about messages a member has not read: who wrote, a preview of each, and a link back to each
 * room, as plain text from the template {@code email/unread-messages.mustache}. Mustache keeps the wording
 * in the template and out of the code, and has no logic that could fail at send time.
 */
public class UnreadMessagesEmail {

    static final String TEMPLATE = "email/unread-messages.mustache";
    private static final int MAX_SENDERS_IN_SUBJECT = 3;
    private static final DateTimeFormatter POSTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Template template;
    private final EmailProperties properties;

    public UnreadMessagesEmail(EmailProperties properties) {
        this.properties = properties;
        this.template = Mustache.compiler().escapeHTML(false).compile(read(TEMPLATE));
    }

    /** One unread message, with the room it was posted in. */
    public record UnreadMessage(String roomId, String roomTitle, String senderId, Instant postedAt, String text) {

        public UnreadMessage {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(senderId, "senderId");
            Objects.requireNonNull(postedAt, "postedAt");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The email about {@code messages} (oldest first, at least one) to {@code recipientUserId}. */
    public OutgoingEmail render(String emailId, String recipientUserId, List<UnreadMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("An email about unread messages needs at least one message");
        }
        Map<String, Object> model = Map.of(
                "recipient", recipientUserId,
                "count", messages.size(),
                "plural", messages.size() > 1,
                "rooms", rooms(messages));
        return new OutgoingEmail(emailId, recipientUserId, subject(messages), template.execute(model));
    }

    /** "3 unread messages from carol and alice". */
    static String subject(List<UnreadMessage> messages) {
        Set<String> senders = new LinkedHashSet<>();
        messages.forEach(message -> senders.add(message.senderId()));
        List<String> named = new ArrayList<>(senders).subList(0, Math.min(senders.size(), MAX_SENDERS_IN_SUBJECT));
        String from = senders.size() > named.size()
                ? String.join(", ", named) + " and " + (senders.size() - named.size()) + " more"
                : named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return messages.size() + (messages.size() == 1 ? " unread message from " : " unread messages from ") + from;
    }

    String preview(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        int limit = properties.previewLength();
        if (oneLine.length() <= limit) {
            return oneLine;
        }
        String cut = oneLine.substring(0, limit - 1);
        int lastSpace = cut.lastIndexOf(' ');
        // At a word's end where one is near; a single long word is cut where the limit falls.
        return (lastSpace > limit / 2 ? cut.substring(0, lastSpace) : cut).stripTrailing() + "…";
    }

    private List<Map<String, Object>> rooms(List<UnreadMessage> messages) {
        Map<String, List<UnreadMessage>> byRoom = new LinkedHashMap<>();
        messages.forEach(message -> byRoom.computeIfAbsent(message.roomId(), room -> new ArrayList<>()).add(message));
        List<Map<String, Object>> rooms = new ArrayList<>();
        byRoom.forEach((roomId, inRoom) -> rooms.add(Map.of(
                "title", inRoom.get(0).roomTitle() == null || inRoom.get(0).roomTitle().isBlank() ? "a room" : inRoom.get(0).roomTitle(),
                "link", properties.linkBaseUrl() + "/rooms/" + roomId,
                "messages", inRoom.stream().map(message -> Map.of(
                        "sender", message.senderId(),
                        "postedAt", POSTED_AT.format(message.postedAt()),
                        "preview", preview(message.text()))).toList())));
        return rooms;
    }

    private static String read(String resource) {
        try (InputStream stream = UnreadMessagesEmail.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(stream, resource).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the email template " + resource, e);
        }
    }
}
