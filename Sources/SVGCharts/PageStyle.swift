/// The CSS every report page carries inline: no fonts, scripts or images from the network.
///
/// Screen: a readable column (max 60rem), system fonts, tables with light rules rather than
/// borders, numbers right-aligned in tabular figures that never wrap (`td.num`), charts as
/// responsive figures. Print: A4 with 15 mm margins, black on white, figures and table rows
/// kept whole across page breaks. The method section is a `<details>` element: it prints as the
/// reader left it (open or closed).
public enum PageStyle {
  /// The style sheet, for a `<style>` element.
  public static let css = """
    :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --band: #f3f3f3; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 60rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink);
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    h1 { font-size: 1.6rem; margin: 0 0 0.25rem; line-height: 1.25; }
    h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; }
    h3 { font-size: 1.05rem; margin: 1.5rem 0 0.4rem; }
    p.subtitle { color: var(--muted); margin: 0 0 1.5rem; }
    p.note { color: var(--muted); font-size: 0.9rem; }
    .key-figures { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; padding: 0; list-style: none; }
    .key-figures li { flex: 1 1 12rem; border-left: 4px solid #08306b; background: var(--band); padding: 0.5rem 0.75rem; }
    .key-figures .value { display: block; font-size: 1.35rem; font-weight: 600; white-space: nowrap;
      font-variant-numeric: tabular-nums; }
    .key-figures .label { display: block; color: var(--muted); font-size: 0.85rem; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
    th, td { padding: 0.3rem 0.5rem; text-align: left; vertical-align: bottom; }
    thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
    tbody tr { border-bottom: 1px solid var(--rule); }
    tbody tr.total { border-top: 2px solid var(--ink); font-weight: 600; }
    th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .num, .nowrap { white-space: nowrap; }
    td.negative { color: #a11; }
    .table-scroll { overflow-x: auto; }
    figure { margin: 1rem 0 1.5rem; }
    figure svg { display: block; width: 100%; height: auto; max-width: 48rem; }
    figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.25rem; }
    details.method { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: 0.5rem; }
    details.method summary { font-weight: 600; cursor: pointer; }
    @media print {
      @page { size: A4; margin: 15mm; }
      body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
      h2 { break-after: avoid; }
      figure, table, tr, .key-figures { break-inside: avoid; }
      figure svg { max-width: 100%; }
      .table-scroll { overflow: visible; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
