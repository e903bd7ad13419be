package io.tradebook.core.analytics;

/**
 * Which points of an {@link EquityCurve} the returns are measured between.
 *
 * <ul>
 *   <li>{@link #DAILY}: the curve's first point, then the last point of each UTC calendar day
 *       after it. For daily bars (one point a day) this is every bar; for intraday bars it is the
 *       resampling to daily returns that the metric definitions assume (empyrical's "daily
 *       returns"). The first day's return runs from the first point to that day's last point.</li>
 *   <li>{@link #EVERY_POINT}: every point, one return per bar; use it only with a matching
 *       periods-per-year (e.g. 52 for weekly bars).</li>
 * </ul>
 */
public enum Sampling {
    DAILY,
    EVERY_POINT
}
