package io.tradebook.core.analytics;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A year × month table of compounded returns: each month's cell is {@code Π(1 + r) − 1} over the
 * returns dated in that UTC month (a return is dated at its end point), and each year's total is
 * the same product over the year (empyrical's {@code aggregate_returns}). Immutable; years in
 * ascending order, only years with at least one return. A month without a return is undefined.
 */
public final class MonthlyReturns {

    /**
     * One year's row: twelve monthly cells (January first) and the year's total. Immutable.
     */
    public record Year(int year, List<Metric> months, Metric total) {
        public Year {
            months = List.copyOf(months);
            Objects.requireNonNull(total, "total");
            if (months.size() != 12) {
                throw new IllegalArgumentException("a year has 12 months, not " + months.size());
            }
        }

        /** The cell of {@code month}, 1 (January) to 12. */
        public Metric month(int month) {
            return months.get(month - 1);
        }
    }

    private final List<Year> years;

    private MonthlyReturns(List<Year> years) {
        this.years = Collections.unmodifiableList(years);
    }

    /** The table of {@code returns}. */
    public static MonthlyReturns of(Returns returns) {
        List<Year> years = new ArrayList<>();
        int i = 0;
        while (i < returns.size()) {
            int year = utc(returns, i).getYear();
            double[] growth = new double[12];
            boolean[] seen = new boolean[12];
            Arrays.fill(growth, 1.0);
            double yearGrowth = 1.0;
            while (i < returns.size() && utc(returns, i).getYear() == year) {
                int m = utc(returns, i).getMonthValue() - 1;
                growth[m] *= 1.0 + returns.value(i);
                seen[m] = true;
                yearGrowth *= 1.0 + returns.value(i);
                i++;
            }
            List<Metric> months = new ArrayList<>(12);
            for (int m = 0; m < 12; m++) {
                months.add(seen[m] ? Metric.of(growth[m] - 1.0) : Metric.undefined());
            }
            years.add(new Year(year, months, Metric.of(yearGrowth - 1.0)));
        }
        return new MonthlyReturns(years);
    }

    private static ZonedDateTime utc(Returns returns, int i) {
        return returns.time(i).atZone(ZoneOffset.UTC);
    }

    public List<Year> years() {
        return years;
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }
}
