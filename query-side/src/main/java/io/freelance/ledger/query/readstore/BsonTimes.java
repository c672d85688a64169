package io.freelance.ledger.query.readstore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;

/**
 * Times in the read models are BSON dates (millisecond precision, UTC); calendar dates such as a
 * milestone's due date are ISO strings ({@code 2025-03-31}), because a BSON date would invent a
 * time of day and a time zone the parties never agreed on.
 */
public final class BsonTimes {

    private BsonTimes() {
    }

    public static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static String toIsoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate localDate(Document document, String field) {
        String text = document.getString(field);
        return text == null ? null : LocalDate.parse(text);
    }
}
