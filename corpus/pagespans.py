#!/usr/bin/python3
"""Write corpus/pages.tsv: the pages each golden row is printed on, read from
the PDF by poppler (pdftotext -raw, content order), never by our extractor.

    python3 corpus/pagespans.py        (run by `make golden-update`)

For each row of each golden file (../golden/<id>.json, derived from the
spec), every cell of five words or more is looked for in the document's
words: its first words, then more until they occur once. The words must
follow one another, except across a page break, where up to forty words may
come between (the footer, the repeated header, the neighbouring cells drawn
between the two parts of a cell). The row's first page is the page of the
earliest first word, its last page that of the latest last word. Where some
cell cannot be placed so, the row's page is left empty and not checked. A
row is printed on every page that holds any of its cells, a recommendation
merged over several actions included."""
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAP = 40


def tokens(s):
    s = re.sub(r"-\s*\n\s*", "", s).replace("-", "").replace("\u00ad", "")
    return re.findall(r"[a-z0-9]+", s.lower())


def stream_of(pdf):
    out = subprocess.run(["pdftotext", "-q", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    return [(w, pi + 1) for pi, page in enumerate(out.split("\f")) for w in tokens(page)]


def occurrences(stream, seq):
    """Where seq occurs in stream: its words one after another, except that
    across a page break up to GAP words may come between two of them (the
    footer, the repeated header, the neighbouring cells drawn between the
    two parts of a cell)."""
    found = []
    for i, (w, _) in enumerate(stream):
        if w != seq[0]:
            continue
        j = i
        for want in seq[1:]:
            if j + 1 < len(stream) and stream[j + 1][0] == want:
                j += 1
                continue
            for d in range(2, GAP + 2):
                k = j + d
                if k < len(stream) and stream[k][0] == want and stream[k][1] != stream[j][1]:
                    j = k
                    break
            else:
                break
        else:
            found.append((i, j))
    return found


def page_of(stream, t, first):
    for k in range(5, min(12, len(t)) + 1):
        occ = occurrences(stream, t[:k] if first else t[-k:])
        if len(occ) == 1:
            return stream[occ[0][0] if first else occ[0][1]][1]
        if not occ:
            return None
    return None


def spans(pdf, golden):
    stream = stream_of(pdf)
    for ti, plan in enumerate(golden["plans"]):
        for ri, row in enumerate(plan["rows"]):
            firsts, lasts = [], []
            for cell in row["cells"]:
                t = tokens(cell)
                if len(t) >= 5:
                    firsts.append(page_of(stream, t, True))
                    lasts.append(page_of(stream, t, False))
            first = min(firsts) if firsts and None not in firsts else ""
            last = max(lasts) if lasts and None not in lasts else ""
            yield ti, ri + 1, first, last


def main():
    manifest = os.path.join(ROOT, "corpus", "MANIFEST.tsv")
    out = [("id", "table", "row", "page_first", "page_last")]
    with open(manifest, encoding="utf-8") as f:
        for e in csv.DictReader(f, delimiter="\t"):
            if e["outcome"] != "ok":
                continue
            with open(os.path.join(ROOT, "golden", e["id"] + ".json"), encoding="utf-8") as g:
                golden = json.load(g)
            for ti, ri, first, last in spans(os.path.join(ROOT, "corpus", e["file"]), golden):
                out.append((e["id"], ti, ri, first, last))
    with open(os.path.join(ROOT, "corpus", "pages.tsv"), "w", encoding="utf-8") as f:
        for r in out:
            f.write("\t".join(str(x) for x in r) + "\n")


if __name__ == "__main__":
    sys.exit(main())
