package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.trading.PriceService;
import io.tradebook.trading.PriceService.LatestPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The market prices paper accounts fill and are valued at ({@code /api/market/prices}). Pushing a
 * price needs the market-data scope (administrators, or API keys an administrator gave it), so
 * that no user can move the prices another user fills at; reading is open to the read scope.
 */
final class MarketRoutes implements RouteModule {
    private static final String TAG = "Market data";
    private static final String PATH = "/api/market/prices";

    /** A price to push: a last price, or a bid and an ask. Immutable. */
    record PricePush(@JsonProperty(required = true) @JsonPropertyDescription("An active security's ticker") String symbol,
                     @JsonPropertyDescription("A last price (or give bid and ask)") BigDecimal price,
                     BigDecimal bid, BigDecimal ask) {
    }

    /** A symbol's latest price. Immutable. */
    record PriceView(String symbol, @JsonPropertyDescription("The last price, or the quote's mid") BigDecimal price,
                     BigDecimal bid, BigDecimal ask, String currency, Instant time) {
        static PriceView of(LatestPrice p) {
            return new PriceView(p.symbol(), Plain.of(p.price()), Plain.of(p.bid()), Plain.of(p.ask()), p.currency(), p.time());
        }
    }

    /** Every symbol's latest price. Immutable. */
    record PriceList(List<PriceView> prices) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        PriceService prices = context.trading().prices();
        routes.add(Route.post(PATH).tag(TAG).summary("Push a market price (paper accounts fill at it)")
                .access(Access.scope(Scope.MARKET_DATA)).body(PricePush.class)
                .description("Kept as the symbol's latest price, published live as a 'price' event, and given to the paper broker, "
                        + "where working orders of the symbol fill at once if it reaches them; their fills are booked before this "
                        + "answers (unless another push is delivering them).")
                .responds(200, PriceView.class, "The symbol's latest price now")
                .handle(call -> {
                    PricePush p = call.body(PricePush.class);
                    return Reply.ok(PriceView.of(call.unwrap(prices.push(p.symbol(), p.price(), p.bid(), p.ask()))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("Every symbol's latest price").access(Access.scope(Scope.READ))
                .responds(200, PriceList.class, "By symbol")
                .handle(call -> Reply.ok(new PriceList(prices.all().stream().map(PriceView::of).toList()))));
        routes.add(Route.get(PATH + "/{symbol}").tag(TAG).summary("A symbol's latest price").access(Access.scope(Scope.READ))
                .text("symbol", "The ticker").responds(200, PriceView.class, "The latest price")
                .fails(404, "No price of this symbol was ever pushed")
                .handle(call -> {
                    String symbol = call.pathText("symbol");
                    return Reply.ok(PriceView.of(prices.latest(symbol).orElseThrow(() -> Problems.notFound("no price of " + symbol))));
                }));
    }
}
