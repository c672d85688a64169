package io.freelance.ledger.messaging;

import io.freelance.ledger.common.RuleViolation;
import io.freelance.ledger.common.TextInput;

/**
 * The bounds of rooms and messages, in one place for both sides: the API refuses input past them before it
 * sends a command, and the Room aggregate refuses it again, with the same numbers, for any other sender.
 */
public final class RoomLimits {

    /**
     * Members of one room, owner included. Live delivery and the offline email fan out to every member, so the
     * bound keeps one message's work bounded; a team room of a hundred people is already large.
     */
    public static final int MAX_MEMBERS = 100;
    /**
     * Characters of one message: several paragraphs of a brief or a review, while a page of 100 stories stays
     * under about a megabyte and an email preview never has to cut through a novel. Files go as attachments.
     */
    public static final int STORY_TEXT_MAX_LENGTH = 5_000;
    /** Files on one message; each is uploaded separately, so this only bounds the story's size. */
    public static final int MAX_ATTACHMENTS = 10;

    private RoomLimits() {
    }

    /** A message's text: required, at most {@link #STORY_TEXT_MAX_LENGTH} characters, no control characters. */
    public static String storyText(String field, String text) {
        return TextInput.required(field, text, STORY_TEXT_MAX_LENGTH, "The message text");
    }

    /** A group room's topic: a line, as a contract's title. */
    public static String topic(String field, String topic) {
        return TextInput.required(field, topic, TextInput.TITLE_MAX_LENGTH, "The topic");
    }

    public static void requireMemberCount(String field, int members) {
        if (members > MAX_MEMBERS) {
            throw RuleViolation.conflict(field, "room.full",
                    "A room holds at most %d members, owner included; this would make %d."
                            .formatted(MAX_MEMBERS, members));
        }
    }
}
