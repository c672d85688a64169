package io.freelance.ledger.query.readstore;

import io.freelance.ledger.common.Money;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Money in the read models: {@code {amount: Decimal128, currency}}. Decimal128 keeps the exact
 * decimal and its scale ("105.00" stays 105.00), and MongoDB compares and sums it as a number;
 * a string would sort as text and a double would lose cents.
 */
public final class MoneyDocuments {

    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";

    private MoneyDocuments() {
    }

    public static Document toDocument(Money money) {
        if (money == null) {
            return null;
        }
        return new Document(AMOUNT, new Decimal128(money.amount())).append(CURRENCY, money.currency());
    }

    public static Money fromDocument(Object value) {
        if (value == null) {
            return null;
        }
        Document document = (Document) value;
        Decimal128 amount = document.get(AMOUNT, Decimal128.class);
        return new Money(amount.bigDecimalValue(), document.getString(CURRENCY));
    }
}
