"""LaTeX sources for pdflatex: longtable or xltabular, fancyhdr running heads."""

COLOURS = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"}

SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "\u2013": "--", "\u2014": "---", "'": "'",
}


def esc(s):
    return "".join(SPECIAL.get(ch, ch) for ch in s)


def cell(value):
    items = value if isinstance(value, list) else [value or ""]
    out = []
    bullets = []

    def flush():
        if bullets:
            out.append(r"\begin{itemize}[nosep,leftmargin=1.1em,label=\textbullet]" +
                       "".join(r"\item " + esc(b) for b in bullets) + r"\end{itemize}")
            bullets.clear()

    for p in items:
        if p.startswith("\u2022 "):
            bullets.append(p[2:])
        else:
            flush()
            out.append(esc(p))
    flush()
    return r"\par ".join(out)


def preamble(doc):
    land = doc["page"]["orientation"] == "landscape"
    geo = "a4paper,landscape,margin=18mm" if land else "a4paper,margin=20mm"
    return rf"""\documentclass[10pt]{{article}}
\usepackage[T1]{{fontenc}}
\usepackage[utf8]{{inputenc}}
\usepackage[british]{{babel}}
\usepackage{{lmodern}}
\usepackage[{geo},headheight=14pt]{{geometry}}
\usepackage[table]{{xcolor}}
\usepackage{{array,longtable,xltabular,enumitem,fancyhdr,lastpage,pdflscape}}
\pagestyle{{fancy}}
\fancyhf{{}}
\renewcommand{{\headrulewidth}}{{0.4pt}}
\chead{{\small {esc(doc.get('running_header', ''))}}}
\lfoot{{\small {esc(doc.get('running_footer', ''))}}}
\rfoot{{\small Page \thepage\ of \pageref{{LastPage}}}}
\setlength{{\parindent}}{{0pt}}
\setlength{{\parskip}}{{4pt}}
\renewcommand{{\arraystretch}}{{1.15}}
\pdfinfo{{/Title ({esc(next((b['title'] for b in doc['body'] if 'title' in b), ''))})}}
\begin{{document}}
"""


def table(t, textwidth_cm):
    cols = t["columns"]
    n = len(cols)
    ruled = t.get("style") != "borderless"
    kind = t.get("latex", "longtable")
    sep = 0.42  # 2 x \tabcolsep (6pt) in cm
    total = sum(c["w"] for c in cols)
    if t.get("width_pct"):
        textwidth_cm = textwidth_cm * t["width_pct"] / 100
    usable = textwidth_cm - n * sep - 0.1
    widths = [usable * c["w"] / total for c in cols]
    bar = "|" if ruled and t.get("style") != "hrules" else ""
    if any(c.get("group") for c in cols):
        raise NotImplementedError("two-level headers: HTML and XLSX only")
    if kind == "xltabular":
        # The widest column stretches (X); the others are fixed.
        widest = max(range(n), key=lambda i: cols[i]["w"])
        specs = []
        for i, w in enumerate(widths):
            specs.append("X" if i == widest else f"p{{{w:.2f}cm}}")
        colspec = bar + bar.join(specs) + bar
        begin = rf"\begin{{xltabular}}{{\linewidth}}{{{colspec}}}"
        end = r"\end{xltabular}"
    else:
        colspec = bar + bar.join(f"p{{{w:.2f}cm}}" for w in widths) + bar
        begin = rf"\begin{{longtable}}{{{colspec}}}"
        end = r"\end{longtable}"
    hline = r"\hline" if ruled else ""
    full = textwidth_cm - sep - 0.1
    hfill = t.get("header_fill", "").lstrip("#")
    hdr_cells = []
    for c in cols:
        txt = r"\textbf{" + esc(c["h"]) + "}"
        if t.get("header_color"):
            txt = rf"\color[HTML]{{{t['header_color'].lstrip('#')}}}" + txt
        hdr_cells.append(txt)
    head = ""
    if hfill:
        head += rf"\rowcolor[HTML]{{{hfill}}}"
    head += " & ".join(hdr_cells) + r" \\ " + hline + "\n"
    if t.get("instruction"):
        head += " & ".join(r"\footnotesize\itshape " + esc(t["instruction"].get(c["h"], "")) for c in cols) + r" \\ " + hline + "\n"
    if t.get("repeat_header", True):
        out = [begin, hline, head, r"\endfirsthead", hline, head, r"\endhead"]
    else:
        out = [begin, hline, head, r"\endfirsthead", hline, r"\endhead"]
    if ruled:
        out.append(r"\hline \endfoot \hline \endlastfoot")
    merge = set(t.get("merge", []))
    rows = t["rows"]
    for i, row in enumerate(rows):
        if "band" in row or "theme" in row:
            bf = t.get("band_fill", "").lstrip("#")
            colour = rf"\cellcolor[HTML]{{{bf}}}" if bf else ""
            out.append(rf"\multicolumn{{{n}}}{{{bar}p{{{full:.2f}cm}}{bar}}}{{{colour}\textbf{{{esc(row.get('band') or row['theme'])}}}}} \\ {hline}")
            continue
        cells = []
        for c in cols:
            h = c["h"]
            v = row["c"].get(h, "")
            if h in merge and i > 0 and "c" in rows[i - 1] and rows[i - 1]["c"].get(h) == v:
                v = ""
            txt = cell(v)
            fill = row.get("fill", {}).get(h)
            if fill:
                txt = rf"\cellcolor[HTML]{{{COLOURS[fill]}}}" + txt
            cells.append(txt)
        out.append(" & ".join(cells) + r" \\ " + hline)
    if t.get("legend_row"):
        out.append(rf"\multicolumn{{{n}}}{{{bar}p{{{full:.2f}cm}}{bar}}}{{\small {esc(t['legend_row'])}}} \\ {hline}")
    out.append(end)
    if t.get("key_line"):
        out.append(r"{\small " + esc(t["key_line"]) + r"\par}")
    return "\n".join(out)


def swatches(block):
    out = [r"\textbf{" + esc(block.get("legend_title", "Key")) + r"}\par", r"\begin{tabular}{|p{1cm}|l|}\hline"]
    for colour, label in block["legend_swatches"]:
        out.append(rf"\cellcolor[HTML]{{{COLOURS[colour]}}} & {esc(label)} \\ \hline")
    out.append(r"\end{tabular}\par")
    return "\n".join(out)


def write(doc, path):
    land = doc["page"]["orientation"] == "landscape"
    turn = land and doc["page"].get("tex") == "pdflscape"
    if turn:
        # Portrait pages with the table on pages turned by pdflscape: the
        # table is as wide as the portrait text height.
        doc = dict(doc, page=dict(doc["page"], orientation="portrait"))
        textwidth = 29.7 - 4.0 - 1.6
    else:
        textwidth = (29.7 if land else 21.0) - (3.6 if land else 4.0)
    parts = [preamble(doc)]
    for b in doc["body"]:
        if "partnership" in b:
            parts.append(r"{\large\bfseries " + esc(b["partnership"]) + r"\par}")
        elif "title" in b:
            parts.append(r"{\LARGE\bfseries " + esc(b["title"]) + r"\par}")
        elif "subtitle" in b:
            parts.append(r"{\large " + esc(b["subtitle"]) + r"\par}\medskip")
        elif "h" in b:
            parts.append(r"\subsection*{" + esc(b["h"]) + "}")
        elif "p" in b:
            parts.append(esc(b["p"]) + "\n")
        elif "table" in b:
            tab = r"{\small" + "\n" + table(b["table"], textwidth) + "\n}"
            if turn:
                tab = "\\begin{landscape}\n" + tab + "\n\\end{landscape}"
            parts.append(tab)
        elif "legend_swatches" in b:
            parts.append(swatches(b))
    parts.append(r"\end{document}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")
    return path
