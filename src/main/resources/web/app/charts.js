// Charts a trader recognises, drawn with uPlot (from its WebJar): a line chart for equity, an area
// chart for drawdown, and candlesticks through a plugin of our own. Prices arrive as exact decimal
// strings: they become numbers only to find a pixel; the legend shows the exact strings. Colours
// come from the page's CSS variables, so the charts follow the light or dark theme. Times on the
// axis and in the legend are in the browser's time zone.

import uPlot from "../vendor/uplot/uPlot.esm.js";
import { formatDecimal, formatMoney, formatTime } from "./format.js";

function color(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function seconds(iso) {
  return Date.parse(iso) / 1000;
}

function axes() {
  const text = color("--muted", "#5b6270");
  const grid = color("--border", "#d5d9e0");
  return [
    { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
    { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 70 },
  ];
}

/** Mounts a uPlot chart in container at the container's width, following its size. Returns {chart, destroy()}. */
function mount(container, options, data, description) {
  container.classList.add("chart");
  container.setAttribute("role", "img");
  container.setAttribute("aria-label", description);
  const width = () => Math.max(200, container.clientWidth || 600);
  const chart = new uPlot({ ...options, width: width() }, data, container);
  const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: options.height }));
  resize.observe(container);
  return { chart, destroy: () => { resize.disconnect(); chart.destroy(); } };
}

/** The time column of the legend: the bar's exact time in the user's zone. */
function timeSeries(times) {
  return { label: "Time", value: (u, v, s, idx) => idx == null ? "—" : formatTime(times[idx]) };
}

/**
 * A line chart of one or more money series over time: points [{time (ISO), value (exact string)}]
 * per series. options: series [{label, points}], currency, height.
 */
export function lineChart(container, { series, currency, height = 260, label = "Equity" }) {
  const times = series[0].points.map(p => p.time);
  const palette = [color("--accent", "#1d4ed8"), color("--up", "#15803d"), color("--focus", "#f59e0b"), color("--down", "#b91c1c")];
  const data = [times.map(seconds), ...series.map(s => s.points.map(p => (p.value === null ? null : Number(p.value))))];
  const last = series[0].points.at(-1);
  return mount(container, {
    height, axes: axes(), cursor: { drag: { x: true, y: false } },
    series: [timeSeries(times), ...series.map((s, i) => ({
      label: s.label, stroke: palette[i % palette.length], width: 2,
      value: (u, v, sidx, idx) => idx == null || s.points[idx].value === null ? "—" : formatMoney(s.points[idx].value, currency),
    }))],
  }, data, `${label} chart, ${times.length} points${last ? `, last ${formatMoney(last.value, currency)}` : ""}`);
}

/** An area chart of drawdown (fractions at or below 0, as numbers: a statistic, not money) over time. */
export function drawdownChart(container, { points, height = 180 }) {
  const times = points.map(p => p.time);
  const down = color("--down", "#b91c1c");
  const percent = v => `${(v * 100).toFixed(2)} %`;
  const worst = Math.min(0, ...points.map(p => p.value));
  return mount(container, {
    height, axes: [axes()[0], { ...axes()[1], values: (u, ticks) => ticks.map(percent) }],
    scales: { y: { range: (u, min) => [Math.min(min, -0.01) * 1.05, 0] } },
    series: [timeSeries(times), { label: "Drawdown", stroke: down, fill: `${down}33`, width: 1.5, value: (u, v) => v == null ? "—" : percent(v) }],
  }, [times.map(seconds), points.map(p => p.value)], `Drawdown chart, worst ${percent(worst)}`);
}

/**
 * The candlestick plugin: draws each bar's wick (high to low) and body (open to close), green when
 * the close is at or above the open and red below, in place of the four OHLC series' lines.
 */
export function candlesticks({ up = color("--up", "#15803d"), down = color("--down", "#b91c1c"), bodyRatio = 0.7 } = {}) {
  return {
    opts: (u, opts) => {
      opts.series.forEach((s, i) => {
        if (i > 0) Object.assign(s, { paths: () => null, points: { show: false } });
      });
    },
    hooks: {
      draw: [u => {
        const [, open, high, low, close] = u.data;
        const [first, last] = u.series[0].idxs ?? [0, u.data[0].length - 1];
        const count = Math.max(1, last - first + 1);
        const column = u.bbox.width / count;
        const body = Math.max(1, Math.round(column * bodyRatio));
        const wick = Math.max(1, Math.round(devicePixelRatio));
        const ctx = u.ctx;
        ctx.save();
        ctx.beginPath();
        ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
        ctx.clip();
        for (let i = first; i <= last; i++) {
          if (open[i] == null || close[i] == null) continue;
          const x = Math.round(u.valToPos(u.data[0][i], "x", true));
          const [yOpen, yHigh, yLow, yClose] = [open[i], high[i], low[i], close[i]].map(v => Math.round(u.valToPos(v, "y", true)));
          ctx.fillStyle = close[i] >= open[i] ? up : down;
          ctx.fillRect(x - Math.floor(wick / 2), yHigh, wick, Math.max(1, yLow - yHigh));
          ctx.fillRect(x - Math.floor(body / 2), Math.min(yOpen, yClose), body, Math.max(1, Math.abs(yClose - yOpen)));
        }
        ctx.restore();
      }],
    },
  };
}

/**
 * Marks fills on a price chart: a triangle at each fill's time and price, pointing up (green) for a
 * buy and down (red) for a sell. fills: [{time (ISO), price (exact string), side: BUY|SELL}].
 */
export function fillMarkers(fills, { up = color("--up", "#15803d"), down = color("--down", "#b91c1c") } = {}) {
  return {
    hooks: {
      draw: [u => {
        const ctx = u.ctx;
        const size = Math.round(6 * devicePixelRatio);
        ctx.save();
        ctx.beginPath();
        ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
        ctx.clip();
        for (const f of fills) {
          const x = u.valToPos(seconds(f.time), "x", true);
          const y = u.valToPos(Number(f.price), "y", true);
          const buy = f.side === "BUY";
          ctx.fillStyle = buy ? up : down;
          ctx.strokeStyle = color("--surface", "#fff");
          ctx.beginPath();
          if (buy) {
            ctx.moveTo(x, y);
            ctx.lineTo(x - size, y + size * 1.6);
            ctx.lineTo(x + size, y + size * 1.6);
          } else {
            ctx.moveTo(x, y);
            ctx.lineTo(x - size, y - size * 1.6);
            ctx.lineTo(x + size, y - size * 1.6);
          }
          ctx.closePath();
          ctx.fill();
          ctx.stroke();
        }
        ctx.restore();
      }],
    },
  };
}

/**
 * A chart of a symbol's fill prices over time with each fill marked (for a symbol without stored
 * bars). fills: [{time, price, side}] in any order. options: symbol, currency, height.
 */
export function fillsChart(container, { fills, symbol = "", currency, height = 260 }) {
  const sorted = [...fills].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const times = sorted.map(f => f.time);
  const buys = sorted.filter(f => f.side === "BUY").length;
  return mount(container, {
    height, axes: axes(), plugins: [fillMarkers(sorted)], cursor: { points: { show: false } },
    scales: { x: { range: (u, min, max) => { const pad = (max - min) * 0.05 || 60; return [min - pad, max + pad]; } },
      y: { range: (u, min, max) => { const pad = (max - min) * 0.1 || Math.abs(max) * 0.02 || 1; return [min - pad, max + pad]; } } },
    series: [timeSeries(times), { label: "Fill price", stroke: color("--muted", "#888"), width: 1, dash: [4, 4],
      value: (u, v, sidx, idx) => idx == null ? "—" : `${sorted[idx].side === "BUY" ? "buy" : "sell"} at ${formatMoney(sorted[idx].price, currency)}` }],
  }, [times.map(seconds), sorted.map(f => Number(f.price))],
  `Fills of ${symbol}: ${buys} buys and ${sorted.length - buys} sells${sorted.length ? `, last at ${formatMoney(sorted.at(-1).price, currency)}` : ""}`);
}

/** A candlestick chart of bars [{time (ISO), open, high, low, close (exact strings)}]. options: symbol, height, fills (marked). */
export function candlestickChart(container, { bars, symbol = "", height = 320, fills = null }) {
  const times = bars.map(b => b.time);
  const exact = key => (u, v, sidx, idx) => idx == null ? "—" : formatDecimal(bars[idx][key]);
  const data = [times.map(seconds), ...["open", "high", "low", "close"].map(k => bars.map(b => Number(b[k])))];
  const last = bars.at(-1);
  return mount(container, {
    height, axes: axes(), plugins: fills ? [candlesticks(), fillMarkers(fills)] : [candlesticks()], cursor: { points: { show: false } },
    scales: { x: { range: (u, min, max) => { const pad = (max - min) / Math.max(1, bars.length - 1) / 2 || 1; return [min - pad, max + pad]; } } },
    series: [timeSeries(times), ...["open", "high", "low", "close"].map(k => ({ label: k[0].toUpperCase() + k.slice(1), value: exact(k), stroke: color("--muted", "#888") }))],
  }, data, `Candlestick chart${symbol ? ` of ${symbol}` : ""}, ${bars.length} bars${last ? `, last close ${formatDecimal(last.close)}` : ""}${fills ? `, ${fills.length} fills marked` : ""}`);
}
