// Numbers and times for people. Money and quantities arrive from the API as exact decimal strings
// ("95160.33"); they are formatted digit by digit and never pass through a binary float, so what is
// shown is exactly what the books hold. Intl supplies only the locale's separators and the place of
// the currency sign. Times are shown in the browser's time zone.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const localeCache = new Map();

/** The locale's digit grouping and separators, learnt from Intl (e.g. en-IN groups 3 then 2). */
function numberStyle(locale) {
  const key = locale ?? "";
  if (localeCache.has(key)) return localeCache.get(key);
  const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1234567890.5);
  const integers = parts.filter(p => p.type === "integer").map(p => p.value.length);
  const style = {
    group: parts.find(p => p.type === "group")?.value ?? "",
    decimal: parts.find(p => p.type === "decimal")?.value ?? ".",
    primary: integers.length > 1 ? integers[integers.length - 1] : 0,
    secondary: integers.length > 2 ? integers[integers.length - 2] : integers.length > 1 ? integers[integers.length - 1] : 0,
    // some locales (es, pl) leave four-digit numbers ungrouped
    minimumDigits: new Intl.NumberFormat(locale).formatToParts(1000).some(p => p.type === "group") ? 1 : 2,
  };
  localeCache.set(key, style);
  return style;
}

/** Splits an exact decimal (string, or a safe integer) into sign, integer digits and fraction digits; refuses anything else. */
export function parseDecimal(value) {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  const m = typeof text === "string" ? DECIMAL.exec(text.trim()) : null;
  if (!m) throw new TypeError(`not an exact decimal: ${JSON.stringify(value)}`);
  const integer = m[2].replace(/^0+(?=\d)/, "");
  const fraction = m[3] ?? "";
  const zero = /^0*$/.test(integer) && /^0*$/.test(fraction);
  return { negative: m[1] === "-" && !zero, integer, fraction };
}

function group(integer, style) {
  if (!style.group || !style.primary || integer.length < style.primary + style.minimumDigits) return integer;
  const groups = [integer.slice(-style.primary)];
  let rest = integer.slice(0, -style.primary);
  while (rest.length > style.secondary) {
    groups.unshift(rest.slice(-style.secondary));
    rest = rest.slice(0, -style.secondary);
  }
  if (rest) groups.unshift(rest);
  return groups.join(style.group);
}

/** The digits of value with grouping, padded to minFractionDigits; with trim, trailing zeros past that go. Nothing is rounded. */
function digits(parsed, minFractionDigits, style, trim) {
  let fraction = trim ? parsed.fraction.replace(/0+$/, "") : parsed.fraction;
  if (fraction.length < minFractionDigits) fraction = fraction.padEnd(minFractionDigits, "0");
  const integer = group(parsed.integer, style);
  return fraction ? integer + style.decimal + fraction : integer;
}

/**
 * Formats an exact decimal string for the locale: "1234567.50" → "1,234,567.50". Every digit given
 * is kept (a price written "555.00" stays so). options: minFractionDigits (default 0), signed (show
 * + on positives), locale.
 */
export function formatDecimal(value, { minFractionDigits = 0, signed = false, locale } = {}) {
  const parsed = parseDecimal(value);
  const style = numberStyle(locale);
  const sign = parsed.negative ? "\u2212" : signed && !/^0*$/.test(parsed.integer + parsed.fraction) ? "+" : "";
  return sign + digits(parsed, minFractionDigits, style, false);
}

function currencyPattern(currency, locale) {
  const key = `${locale ?? ""}|${currency}`;
  if (localeCache.has(key)) return localeCache.get(key);
  let pattern = null;
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency });
    const shape = n => {
      const parts = format.formatToParts(n);
      const first = parts.findIndex(p => ["integer", "group", "decimal", "fraction"].includes(p.type));
      const last = parts.findLastIndex(p => ["integer", "group", "decimal", "fraction"].includes(p.type));
      return { before: parts.slice(0, first).map(p => p.value).join(""), after: parts.slice(last + 1).map(p => p.value).join("") };
    };
    pattern = { minor: format.resolvedOptions().minimumFractionDigits, positive: shape(1), negative: shape(-1) };
  } catch (notIso) {
    pattern = null; // not an ISO 4217 code (USDT): shown as "1,234.50 USDT"
  }
  localeCache.set(key, pattern);
  return pattern;
}

/**
 * Formats an exact amount with its currency the way the locale writes it ("$1,234.50",
 * "1.234,50 €"), with the currency's minor digits, and more only where they are not zeros
 * ("95160.3300" USD → "$95,160.33"; "0.125" USD → "$0.125"): nothing is rounded.
 * options: signed (show + on gains), locale.
 */
export function formatMoney(value, currency, { signed = false, locale } = {}) {
  const parsed = parseDecimal(value);
  const style = numberStyle(locale);
  const pattern = currency ? currencyPattern(currency, locale) : null;
  const number = digits(parsed, pattern ? pattern.minor : 2, style, true);
  if (!pattern) {
    const sign = parsed.negative ? "\u2212" : signed && !/^0*$/.test(parsed.integer + parsed.fraction) ? "+" : "";
    return currency ? `${sign}${number} ${currency}` : sign + number;
  }
  const shape = parsed.negative ? pattern.negative : pattern.positive;
  const plus = signed && !parsed.negative && !/^0*$/.test(parsed.integer + parsed.fraction) ? "+" : "";
  return plus + shape.before.replace("-", "\u2212") + number + shape.after;
}

/** "up", "down" or "" for a signed exact decimal: the class that colours a gain or a loss. */
export function direction(value) {
  const parsed = parseDecimal(value);
  if (/^0*$/.test(parsed.integer + parsed.fraction)) return "";
  return parsed.negative ? "down" : "up";
}

/** An ISO-8601 instant in the browser's time zone (or options.timeZone), with the zone's name: "2 Mar 2026, 23:30 GMT+9". */
export function formatTime(iso, { locale, timeZone } = {}) {
  if (iso === null || iso === undefined || iso === "") return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new TypeError(`not an ISO-8601 time: ${JSON.stringify(iso)}`);
  return new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone,
  }).format(date);
}

/** The browser's time zone, e.g. "Europe/Zurich". */
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A fraction as a percentage ("0.0125" → "1.25%"), from the digits of the string: the point moves
 * two places, then the result is rounded half-up to `digits` places (default 2; a return is a
 * ratio, not money, so it may be rounded for reading). null, undefined or "" give "—".
 * options: digits, signed (+ on gains), locale.
 */
export function formatPercent(value, { digits: places = 2, signed = false, locale } = {}) {
  if (value === null || value === undefined || value === "") return "\u2014";
  const parsed = parseDecimal(value);
  // move the point two places right
  const fraction = parsed.fraction.padEnd(2, "0");
  let integer = (parsed.integer + fraction.slice(0, 2)).replace(/^0+(?=\d)/, "");
  let rest = fraction.slice(2);
  // round half-up on the digits
  if (rest.length > places) {
    const roundUp = rest.charCodeAt(places) >= 53; // "5"
    let kept = (integer + rest.slice(0, places)).split("").map(Number);
    if (roundUp) {
      let i = kept.length - 1;
      while (i >= 0) {
        if (kept[i] === 9) { kept[i] = 0; i -= 1; } else { kept[i] += 1; break; }
      }
      if (i < 0) kept.unshift(1);
    }
    const all = kept.join("");
    integer = all.slice(0, all.length - places) || "0";
    rest = all.slice(all.length - places);
  }
  rest = rest.padEnd(places, "0");
  const text = `${parsed.negative ? "-" : ""}${integer}${rest ? `.${rest}` : ""}`;
  const zero = /^0*$/.test(integer + rest);
  return `${formatDecimal(zero ? text.replace("-", "") : text, { signed, locale })}%`;
}

/** A ratio rounded half-up to `places` decimals for reading ("1.23456" → "1.23"), from its digits; "—" for none. */
export function formatRounded(value, places = 2, { locale } = {}) {
  if (value === null || value === undefined || value === "") return "\u2014";
  // a percentage of value/100 is value itself: reuse its exact rounding, then drop the sign "%"
  const parsed = parseDecimal(value);
  const shifted = `${parsed.negative ? "-" : ""}${shiftLeft(parsed.integer, parsed.fraction)}`;
  return formatPercent(shifted, { digits: places, locale }).replace(/%$/, "");
}

function shiftLeft(integer, fraction) {
  const padded = integer.padStart(3, "0");
  return `${padded.slice(0, -2)}.${padded.slice(-2)}${fraction}`;
}
