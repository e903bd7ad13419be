package io.tradebook.core.execution.paper;

import io.tradebook.core.execution.BrokerFill;
import io.tradebook.core.execution.BrokerListener;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records every report of a broker, in order: the fills, and one line per report for checking the sequence. */
final class RecordingBrokerListener implements BrokerListener {
    final List<BrokerFill> fills = new ArrayList<>();
    /** One line per report: {@code fill O1 10@100.02}, {@code expired O1 session close}, {@code cancelled O1 cancelled}. */
    final List<String> log = new ArrayList<>();
    final List<Instant> expiryTimes = new ArrayList<>();

    @Override
    public void onFill(BrokerFill fill) {
        fills.add(fill);
        log.add("fill " + fill.orderId() + " " + fill.quantity() + "@" + fill.price().toPlainString());
    }

    @Override
    public void onCancelled(String orderId, String reason, Instant time) {
        log.add("cancelled " + orderId + " " + reason);
    }

    @Override
    public void onExpired(String orderId, String reason, Instant time) {
        expiryTimes.add(time);
        log.add("expired " + orderId + " " + reason);
    }

    @Override
    public void onRejected(String orderId, String reason, Instant time) {
        log.add("rejected " + orderId + " " + reason);
    }

    BrokerFill lastFill() {
        return fills.get(fills.size() - 1);
    }

    List<Price> fillPrices() {
        return fills.stream().map(BrokerFill::price).toList();
    }

    List<Quantity> fillQuantities() {
        return fills.stream().map(BrokerFill::quantity).toList();
    }
}
