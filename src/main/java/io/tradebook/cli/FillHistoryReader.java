package io.tradebook.cli;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a fill history (a broker export) with the columns
 * {@code time,account,strategy,symbol,side,quantity,price,fee}, one row at a time, in file order.
 *
 * <p>{@code side} is BUY, SELL, DEPOSIT or WITHDRAWAL. For a deposit or withdrawal {@code quantity}
 * is the amount and strategy, symbol, price and fee must be empty. An empty fee on a trade means
 * no fee. {@code time} is an ISO-8601 instant or offset date-time, a date-time without zone (UTC),
 * or a date (UTC midnight). Fields may be double-quoted. A malformed row raises
 * {@link MalformedRowException} naming the row and what is wrong; nothing after it is read.
 */
final class FillHistoryReader {
    static final String HEADER = "time,account,strategy,symbol,side,quantity,price,fee";

    /** One row: a fill, or a cash movement of the owner. */
    sealed interface Row permits TradeRow, CashRow {
    }

    record TradeRow(Fill fill) implements Row {
    }

    record CashRow(String account, boolean deposit, Money amount, Instant time, String reference) implements Row {
    }

    /** Thrown for the first bad row; {@code row} counts data rows from 1 (the header is line 1). */
    static final class MalformedRowException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long row;

        MalformedRowException(long row, String problem) {
            super((row == 0 ? "header: " : "row " + row + " (line " + (row + 1) + "): ") + problem);
            this.row = row;
        }

        long row() {
            return row;
        }
    }

    private final BufferedReader in;
    private final Currency currency;
    private final String source;
    private long row;

    FillHistoryReader(BufferedReader in, Currency currency, String source) {
        this.in = in;
        this.currency = currency;
        this.source = source;
    }

    /** Reads and checks the header; refuses a missing or different one. */
    void readHeader() throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new MalformedRowException(0, "the file is empty; expected the header '" + HEADER + "'");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.trim().replace(" ", "").equalsIgnoreCase(HEADER)) {
            throw new MalformedRowException(0, "expected '" + HEADER + "' but found '" + header + "'");
        }
    }

    /** The next row, or null at the end; blank lines are skipped. */
    Row next() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                return null;
            }
            row++;
        } while (line.isBlank());
        try {
            return parse(split(line));
        } catch (MalformedRowException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedRowException(row, e.getMessage());
        }
    }

    private Row parse(List<String> f) {
        if (f.size() != 8) {
            throw new MalformedRowException(row, "expected 8 columns (" + HEADER + ") but found " + f.size());
        }
        Instant time = parseTime(f.get(0));
        String account = required(f.get(1), "account");
        String sideText = f.get(4).trim();
        String reference = source + "#" + row;
        switch (sideText) {
            case "BUY", "SELL" -> {
                String strategy = required(f.get(2), "strategy");
                String symbol = required(f.get(3), "symbol");
                Quantity quantity = Quantity.of(f.get(5));
                if (!quantity.isPositive()) {
                    throw new IllegalArgumentException("quantity must be positive: " + quantity);
                }
                Price price = Price.of(required(f.get(6), "price"), currency);
                String feeText = f.get(7).trim();
                Money fee = feeText.isEmpty() ? Money.zero(currency) : Money.of(feeText, currency);
                return new TradeRow(Fill.of(reference, account, strategy, symbol, Side.valueOf(sideText),
                        quantity, price, fee, time));
            }
            case "DEPOSIT", "WITHDRAWAL" -> {
                String[] names = {"strategy", "symbol", null, null, "price", "fee"};
                for (int i = 2; i < 8; i++) {
                    if (names[i - 2] != null && !f.get(i).isBlank()) {
                        throw new IllegalArgumentException(names[i - 2] + " must be empty for " + sideText + " but is '" + f.get(i) + "'");
                    }
                }
                Money amount = Money.of(f.get(5), currency);
                if (amount.signum() <= 0) {
                    throw new IllegalArgumentException("amount (quantity column) must be positive: " + amount.toPlainString());
                }
                return new CashRow(account, sideText.equals("DEPOSIT"), amount, time, reference);
            }
            default -> throw new IllegalArgumentException("side must be BUY, SELL, DEPOSIT or WITHDRAWAL but is '" + sideText + "'");
        }
    }

    private static String required(String value, String what) {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return v;
    }

    static Instant parseTime(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("time is empty");
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = t.replace(' ', 'T');
            char last = iso.charAt(iso.length() - 1);
            boolean zoned = last == 'Z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
            return zoned ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time is not an ISO-8601 date or date-time: '" + text + "'", e);
        }
    }

    /** Splits one CSV line; a field may be double-quoted, with "" for a quote inside it. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
