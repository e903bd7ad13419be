package io.tradebook.core.books;

/** The side of an order or a fill: BUY adds units, SELL removes them. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for BUY, −1 for SELL: the sign a fill of this side gives to a position's quantity. */
    public int sign() {
        return sign;
    }
}
