package io.freelance.ledger.query.readstore;

/**
 * Makes the read store's acknowledged writes survive a crash before the caller is answered. Needed where
 * the read store holds data no event can rebuild (uploaded screenshots): the embedded store commits its
 * file about once a second, so standalone mode provides an implementation that commits at once. A real
 * MongoDB has already made an acknowledged write as durable as its write concern asks, so without an
 * implementation nothing more is done.
 */
@FunctionalInterface
public interface ReadStoreDurability {

    ReadStoreDurability AS_ACKNOWLEDGED = () -> {
    };

    void makeDurable();
}
