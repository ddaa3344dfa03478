"""HTML sources for Chromium and wkhtmltopdf."""

import html

COLOURS = {"red": "#FF0000", "amber": "#FFC000", "green": "#00B050", "blue": "#0070C0"}

# A Word square bullet as Word exports it: U+F0A7 in Wingdings. The font is
# Wine's free Wingdings (src/fonts), which draws the square at that code point.
SYMBOL_BULLET = '<span style="font-family:Wingdings">\uf0a7</span>'
WINGDINGS_FACE = '@font-face { font-family: "Wingdings"; src: url("fonts/wingding.ttf"); }'


def esc(s):
    return html.escape(s, quote=True)


def paras(value, bullets, producer):
    items = value if isinstance(value, list) else [value or ""]
    out = []
    for p in items:
        if p.startswith("\u2022 ") and bullets == "symbol" and producer == "chromium":
            out.append(f'<p class="li">{SYMBOL_BULLET}&nbsp;&nbsp;{esc(p[2:])}</p>')
        elif p.startswith("\u2022 "):
            out.append(f'<p class="li">\u2022&nbsp;&nbsp;{esc(p[2:])}</p>')
        else:
            out.append(f"<p>{esc(p)}</p>")
    return "".join(out)


def css(doc, producer):
    land = doc["page"]["orientation"] == "landscape"
    rules = []
    if producer == "chromium":
        rules.append("@page { size: A4 %s; margin: 18mm 15mm 18mm 15mm;" % ("landscape" if land else "portrait"))
        if doc.get("running_header"):
            rules.append('  @top-center { content: "%s"; font: 8pt Arial; color: #555; }' % doc["running_header"])
        if doc.get("running_footer"):
            rules.append('  @bottom-left { content: "%s"; font: 8pt Arial; color: #555; }' % doc["running_footer"])
            rules.append('  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial; color: #555; }')
        rules.append("}")
    if any(b.get("table", {}).get("style") == "hrules" for b in doc["body"]):
        rules.append("table.hrules td, table.hrules th { border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; }")
    if producer == "chromium" and any(b.get("table", {}).get("bullets") == "symbol" for b in doc["body"]):
        rules.append(WINGDINGS_FACE)
    rules.append("""
body { font-family: Arial, sans-serif; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.partnership { font-size: 12pt; font-weight: bold; color: #333; margin: 0 0 6pt 0; }
h1 { font-size: 18pt; margin: 0 0 6pt 0; }
h2.sub { font-size: 13pt; font-weight: normal; margin: 0 0 12pt 0; }
h3 { font-size: 11pt; margin: 12pt 0 4pt 0; }
table.plan { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 6pt 0; }
table.plan td, table.plan th { vertical-align: top; padding: 3pt 4pt; text-align: left; font-size: 9pt; }
table.plan th { font-weight: bold; }
table.ruled td, table.ruled th { border: 0.75pt solid #000; }
table.borderless td { padding-top: 5pt; padding-bottom: 7pt; }
table.plan p { margin: 0 0 3pt 0; }
table.plan p:last-child { margin-bottom: 0; }
tr { break-inside: auto; page-break-inside: auto; }
table.nosplit tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
td.band { font-weight: bold; }
tr.instr td { font-style: italic; font-size: 8pt; }
td.legend { font-size: 8.5pt; }
table.swatch td { border: 0.75pt solid #000; padding: 2pt 6pt; font-size: 9pt; }
""")
    return "\n".join(rules)


def table(t, producer):
    cols = t["columns"]
    n = len(cols)
    cls = "plan " + {"borderless": "borderless", "hrules": "hrules"}.get(t.get("style"), "ruled")
    hfill = t.get("header_fill")
    hcol = t.get("header_color", "#000")
    hstyle = f' style="background:{hfill};color:{hcol}"' if hfill else ""
    bullets = t.get("bullets")
    if t.get("rows_nosplit"):
        # Chromium keeps such rows whole; wkhtmltopdf (unpatched Qt) ignores it.
        cls += " nosplit"
    narrow = f' style="width:{t["width_pct"]}%"' if t.get("width_pct") else ""
    out = [f'<table class="{cls}"{narrow}>', "<colgroup>"]
    total = sum(c["w"] for c in cols)
    for c in cols:
        out.append(f'<col style="width:{100.0 * c["w"] / total:.2f}%">')
    out.append("</colgroup><thead><tr>" if t.get("repeat_header", True) else "</colgroup><tbody><tr>")
    if any(c.get("group") for c in cols):
        # Two header rows: a group label over its columns, the others
        # spanning both rows.
        i = 0
        while i < n:
            g = cols[i].get("group")
            if not g:
                out.append(f'<th rowspan="2"{hstyle}>{esc(cols[i]["h"])}</th>')
                i += 1
                continue
            j = i
            while j < n and cols[j].get("group") == g:
                j += 1
            out.append(f'<th colspan="{j - i}"{hstyle}>{esc(g)}</th>')
            i = j
        out.append("</tr><tr>")
        for c in cols:
            if c.get("group"):
                out.append(f"<th{hstyle}>{esc(c['h'])}</th>")
    else:
        for c in cols:
            out.append(f"<th{hstyle}>{esc(c['h'])}</th>")
    out.append("</tr>")
    if t.get("instruction"):
        out.append('<tr class="instr">')
        for c in cols:
            out.append(f"<td>{esc(t['instruction'].get(c['h'], ''))}</td>")
        out.append("</tr>")
    if t.get("repeat_header", True):
        out.append("</thead><tbody>")
    merge = set(t.get("merge", []))
    rows = t["rows"]
    for i, row in enumerate(rows):
        if "band" in row or "theme" in row:
            bf = t.get("band_fill")
            st = f' style="background:{bf}"' if bf else ""
            out.append(f'<tr><td class="band" colspan="{n}"{st}>{esc(row.get("band") or row["theme"])}</td></tr>')
            continue
        out.append("<tr>")
        for c in cols:
            h = c["h"]
            v = row["c"].get(h, "")
            if h in merge:
                if i > 0 and "c" in rows[i - 1] and rows[i - 1]["c"].get(h) == v:
                    continue
                span = 1
                while i + span < len(rows) and "c" in rows[i + span] and rows[i + span]["c"].get(h) == v:
                    span += 1
                rs = f' rowspan="{span}"' if span > 1 else ""
            else:
                rs = ""
            fill = row.get("fill", {}).get(h)
            st = f' style="background:{COLOURS[fill]}"' if fill else ""
            out.append(f"<td{rs}{st}>{paras(v, bullets, producer)}</td>")
        out.append("</tr>")
    if t.get("legend_row"):
        out.append(f'<tr><td class="legend" colspan="{n}">{esc(t["legend_row"])}</td></tr>')
    out.append("</tbody></table>")
    if t.get("key_line"):
        out.append(f'<p style="font-size:9pt">{esc(t["key_line"])}</p>')
    return "\n".join(out)


def swatches(block):
    out = [f'<p style="margin-top:10pt"><b>{esc(block.get("legend_title", "Key"))}</b></p>',
           '<table class="swatch" style="border-collapse:collapse">']
    for colour, label in block["legend_swatches"]:
        out.append(f'<tr><td style="background:{COLOURS[colour]};width:30pt">&nbsp;</td><td>{esc(label)}</td></tr>')
    out.append("</table>")
    return "\n".join(out)


def write(doc, path, producer):
    body = []
    for b in doc["body"]:
        if "partnership" in b:
            body.append(f'<p class="partnership">{esc(b["partnership"])}</p>')
        elif "title" in b:
            body.append(f"<h1>{esc(b['title'])}</h1>")
        elif "subtitle" in b:
            body.append(f'<h2 class="sub">{esc(b["subtitle"])}</h2>')
        elif "h" in b:
            body.append(f"<h3>{esc(b['h'])}</h3>")
        elif "p" in b:
            body.append(f"<p>{esc(b['p'])}</p>")
        elif "table" in b:
            body.append(table(b["table"], producer))
        elif "legend_swatches" in b:
            body.append(swatches(b))
    page = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{esc(next((b['title'] for b in doc['body'] if 'title' in b), doc['name']))}</title>
<style>
{css(doc, producer)}
</style></head>
<body>
{chr(10).join(body)}
</body></html>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return path
