package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Bar;
import java.util.ArrayList;
import java.util.List;

/** Says in words how two bars of the same time differ, for refusals that show both. Stateless. */
final class BarDifference {
    private BarDifference() {
    }

    /** E.g. "close 549.03 then 550, volume 100 then 0"; "close-only then a full bar" when only the kind differs. */
    static String describe(Bar before, Bar after) {
        List<String> parts = new ArrayList<>();
        if (before.closeOnly() != after.closeOnly()) {
            parts.add((before.closeOnly() ? "close-only" : "a full bar") + " then " + (after.closeOnly() ? "close-only" : "a full bar"));
        }
        compare(parts, "open", before.open().toPlainString(), after.open().toPlainString());
        compare(parts, "high", before.high().toPlainString(), after.high().toPlainString());
        compare(parts, "low", before.low().toPlainString(), after.low().toPlainString());
        compare(parts, "close", before.close().toPlainString(), after.close().toPlainString());
        compare(parts, "volume", before.volume().toPlainString(), after.volume().toPlainString());
        return String.join(", ", parts);
    }

    private static void compare(List<String> parts, String name, String before, String after) {
        if (!before.equals(after)) {
            parts.add(name + " " + before + " then " + after);
        }
    }
}
