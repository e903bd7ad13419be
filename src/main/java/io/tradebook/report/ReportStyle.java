package io.tradebook.report;

/** The report's inline stylesheet: plain CSS, no web fonts, light and print friendly. */
final class ReportStyle {
    private ReportStyle() {
    }

    static final String CSS = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #0f172a; background: #f8fafc; margin: 0 auto; max-width: 1040px; padding: 24px; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 0 0 12px; }
            h3 { font-size: 15px; margin: 20px 0 8px; }
            section, header { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 16px 20px; margin: 0 0 16px; }
            .sub, .note { color: #64748b; }
            .note { font-size: 12px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 12px; }
            .card { border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 12px; min-width: 130px; }
            .card .label { color: #64748b; font-size: 12px; }
            .card .value { font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
            table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
            th, td { padding: 4px 8px; border-bottom: 1px solid #e2e8f0; text-align: left; white-space: nowrap; }
            thead th { background: #f1f5f9; font-weight: 600; }
            td.num { text-align: right; }
            td.gain { color: #15803d; }
            td.loss { color: #b91c1c; }
            td.empty { color: #cbd5e1; }
            table.monthly td, table.monthly th { text-align: center; font-size: 12px; }
            table.trades, table.fills { font-size: 12px; }
            .chart { width: 100%; height: auto; display: block; }
            .chart .grid { stroke: #e2e8f0; stroke-width: 1; }
            .chart .axis { fill: #64748b; font-size: 11px; }
            .chart .line { fill: none; stroke: #2563eb; stroke-width: 1.5; }
            .chart .line.dd { stroke: #dc2626; }
            .chart .area { fill: rgba(220, 38, 38, 0.18); stroke: none; }
            .chart .dot { fill: #2563eb; }
            details summary { cursor: pointer; color: #334155; }
            @media print { body { background: #fff; } section, header { break-inside: avoid; } }
            """;
}
