package io.tradebook.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.Books;
import io.tradebook.core.books.StrategyPosition;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes books as the JSON of {@code tradebook ledger replay}: accounts, their strategies and
 * holdings, sorted by name, every decimal as an exact string. Closed holdings stay listed as FLAT.
 */
final class BooksJson {
    private BooksJson() {
    }

    static void write(Books books, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("accounts");
            for (AccountBook account : books.accounts()) {
                json.writeStartObject();
                json.writeStringField("account", account.account());
                json.writeStringField("cash", account.cash().toPlainString());
                json.writeStringField("realizedPnl", account.realizedPnl().toPlainString());
                json.writeStringField("fees", account.fees().toPlainString());
                json.writeArrayFieldStart("strategies");
                for (String strategy : account.strategies()) {
                    writeStrategy(json, account, strategy);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void writeStrategy(JsonGenerator json, AccountBook account, String strategy) throws IOException {
        json.writeStartObject();
        json.writeStringField("strategy", strategy);
        json.writeStringField("realizedPnl", account.realizedPnlOf(strategy).toPlainString());
        json.writeStringField("fees", account.feesOf(strategy).toPlainString());
        json.writeArrayFieldStart("holdings");
        for (StrategyPosition p : account.positionsOf(strategy)) {
            json.writeStartObject();
            json.writeStringField("symbol", p.symbol());
            json.writeStringField("side", p.side().name());
            json.writeStringField("quantity", p.quantity().toPlainString());
            json.writeStringField("averagePrice", p.averagePrice().toPlainString());
            json.writeStringField("realizedPnl", p.realizedPnl().toPlainString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
