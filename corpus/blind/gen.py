#!/usr/bin/python3
"""Blind stress set generator, for corpus/blind, corpus/blind2, corpus/blind3
and corpus/blind4.

Reads one data file per document (data/*.json, the truth), writes the source
for every producer named in it (src/), the truth file for every PDF
(truth/<pdf>.json) and MANIFEST.tsv; with --render it also runs the
producers and writes pdf/.

Usage (from this folder, with the system python that has python3-docx and
openpyxl):
    /usr/bin/python3 gen.py            # sources, truth, manifest
    /usr/bin/python3 gen.py --render   # ... and the PDFs
    /usr/bin/python3 gen.py --render --only p03   # one document
    /usr/bin/python3 gen.py --render --chain calc # one producer's PDFs
    /usr/bin/python3 gen.py --set ../blind2       # the second set
    /usr/bin/python3 gen.py --set ../blind3       # the third set
    /usr/bin/python3 gen.py --set ../blind4       # the fourth set

Nothing here reads or runs the extractor: the truth comes from the data
files alone.
"""

import glob
import json
import os
import re
import sys

import render_docx
import render_html
import render_tex
import render_xlsx
import producers

HERE = os.path.dirname(os.path.abspath(__file__))

# Producer name -> (suffix of the PDF name, source writer).
PRODUCERS = {
    "writer": "writer",
    "chromium": "chromium",
    "wkhtmltopdf": "wk",
    "pdflatex": "tex",
    "calc": "calc",
}


def text(v):
    """A cell value: a string, or a list of paragraphs joined by newlines."""
    if isinstance(v, list):
        return "\n".join(v)
    return v or ""


BAND = re.compile(r"^\s*Recommendation\s+(\d+[a-z]?)\s*[:.\-\u2013]\s*(.*)$", re.S)


def records(doc):
    """The action records an analyst expects, in document order."""
    out = []
    heading = None
    for block in doc["body"]:
        if "h" in block:
            heading = block["h"]
        t = block.get("table")
        if not t or t.get("plan") is False:
            continue
        roles = {c.get("role"): c["h"] for c in t["columns"] if c.get("role")}
        band_num, band_text = None, None
        if t.get("heading_band"):
            # A plan laid out as one section per recommendation: the heading
            # "Recommendation N: ..." above the table is its band.
            m = BAND.match(heading or "")
            band_num, band_text = m.group(1), m.group(2).strip()
        for row in t["rows"]:
            if "theme" in row:
                # A theme sub-heading spanning the table ("Theme 2 - ...")
                # in a plan with a recommendation column: no record.
                continue
            if row.get("blank"):
                # An empty spacer row between recommendations: no record.
                continue
            if "band" in row:
                m = BAND.match(row["band"])
                band_num, band_text = m.group(1), m.group(2).strip()
                continue
            cells = {c["h"]: text(row["c"].get(c["h"], "")) for c in t["columns"]}

            def by(role):
                h = roles.get(role)
                return cells.get(h, "") if h else ""

            rec = {
                "number": by("number").rstrip("."),
                "recommendation": by("recommendation") if "recommendation" in roles else (band_text or ""),
                "action": by("action"),
                "lead_agency": by("lead"),
                "status": status(row, t, cells, roles),
                "cells": cells,
            }
            if band_num is not None and "recommendation" not in roles:
                rec["recommendation_number"] = band_num
            out.append(rec)
    return out


def status(row, t, cells, roles):
    if "status" in row:
        return row["status"]
    h = roles.get("status")
    if not h:
        return ""
    colour = row.get("fill", {}).get(h)
    if colour and "colour_key" in t:
        return t["colour_key"][colour]
    key = t.get("status_key", {})
    return key.get(cells[h].strip(), "")


def pdf_names(doc):
    """(pdf base name, producer chain) for every producer of the document."""
    out = []
    for p in doc["producers"]:
        if p.startswith("gs:"):
            base = PRODUCERS[p[3:]]
            out.append((f"{doc['name']}_{base}_gs.pdf", p))
        else:
            out.append((f"{doc['name']}_{PRODUCERS[p]}.pdf", p))
    return out


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    render = "--render" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    # --chain calc renders only the PDFs made by that producer (and their
    # Ghostscript re-distils).
    chain_only = argv[argv.index("--chain") + 1] if "--chain" in argv else None
    # --set DIR generates another set laid out as this one (data/ in DIR).
    set_dir = argv[argv.index("--set") + 1] if "--set" in argv else HERE
    os.chdir(set_dir)
    for d in ("src", "pdf", "truth"):
        os.makedirs(d, exist_ok=True)
    manifest = ["file\tproducer\toutcome\tclasses"]
    for path in sorted(glob.glob("data/*.json")):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        recs = records(doc) if doc["outcome"] == "ok" else []
        if doc["outcome"] == "ok" and not recs:
            sys.exit(f"{path}: outcome ok but no records")
        selected = only is None or doc["name"].startswith(only)
        srcs = {}
        for p in doc["producers"]:
            if p.startswith("gs:"):
                continue
            if p == "writer":
                srcs[p] = render_docx.write(doc, f"src/{doc['name']}.docx") if selected else f"src/{doc['name']}.docx"
            elif p in ("chromium", "wkhtmltopdf"):
                out = f"src/{doc['name']}_{PRODUCERS[p]}.html"
                srcs[p] = render_html.write(doc, out, p) if selected else out
            elif p == "pdflatex":
                srcs[p] = render_tex.write(doc, f"src/{doc['name']}.tex") if selected else f"src/{doc['name']}.tex"
            elif p == "calc":
                srcs[p] = render_xlsx.write(doc, f"src/{doc['name']}.xlsx") if selected else f"src/{doc['name']}.xlsx"
        for pdf, chain in pdf_names(doc):
            truth = {
                "file": pdf,
                "outcome": doc["outcome"],
                "review": doc["review"],
                "records": recs,
            }
            write_json(f"truth/{pdf}.json", truth)
            manifest.append("\t".join([pdf, chain_label(chain), doc["outcome"], "; ".join(doc["classes"])]))
            if render and selected and (chain_only is None or chain.removeprefix("gs:") == chain_only):
                if chain.startswith("gs:"):
                    src_pdf = f"pdf/{doc['name']}_{PRODUCERS[chain[3:]]}.pdf"
                    producers.ghostscript(src_pdf, f"pdf/{pdf}")
                else:
                    producers.run(chain, srcs[chain], f"pdf/{pdf}", doc)
    with open("MANIFEST.tsv", "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")


def chain_label(chain):
    names = {
        "writer": "LibreOffice Writer (DOCX)",
        "chromium": "Chromium (HTML)",
        "wkhtmltopdf": "wkhtmltopdf (HTML)",
        "pdflatex": "pdflatex",
        "calc": "LibreOffice Calc (XLSX)",
    }
    if chain.startswith("gs:"):
        return "Ghostscript re-distil of " + names[chain[3:]]
    return names[chain]


if __name__ == "__main__":
    main(sys.argv[1:])
