"""XLSX sources (openpyxl) for LibreOffice Calc: one sheet, print titles, fills."""

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

COLOURS = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"}

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def text(v):
    return "\n".join(v) if isinstance(v, list) else (v or "")


def write(doc, path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    tables = [b["table"] for b in doc["body"] if "table" in b]
    ncols = max(len(t["columns"]) for t in tables)
    # Column widths in characters, from the first table's shares.
    first = tables[0]["columns"]
    total = sum(c["w"] for c in first)
    # About the printable width in character units, so that fitting the
    # sheet to the page width scales it little.
    budget = 145 if doc["page"]["orientation"] == "landscape" else 98
    for i, c in enumerate(first, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(6, budget * c["w"] / total)
    r = 1
    header_rows = []

    def line(txt, font):
        nonlocal r
        ws.cell(row=r, column=1, value=txt).font = font
        ws.row_dimensions[r].height = font.sz * 1.5
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        r += 1

    for b in doc["body"]:
        if "partnership" in b:
            line(b["partnership"], Font(name="Arial", bold=True, size=12))
        elif "title" in b:
            line(b["title"], Font(name="Arial", bold=True, size=16))
        elif "subtitle" in b:
            line(b["subtitle"], Font(name="Arial", size=12))
            r += 1
        elif "h" in b:
            line(b["h"], Font(name="Arial", bold=True, size=11))
        elif "p" in b:
            ws.cell(row=r, column=1, value=b["p"]).alignment = WRAP
            ws.cell(row=r, column=1).font = Font(name="Arial", size=10)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
            # A merged wrapped cell does not grow by itself: give it room.
            ws.row_dimensions[r].height = merged_height(ws, b["p"], ncols, 10)
            r += 1
        elif "table" in b:
            r = table(ws, b["table"], r, header_rows)
            r += 1
    if header_rows and all(t.get("repeat_header", True) for t in tables):
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[-1]}"
    ws.page_setup.orientation = doc["page"]["orientation"]
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if doc.get("running_header"):
        ws.oddHeader.center.text = doc["running_header"]
        ws.oddHeader.center.size = 8
    if doc.get("running_footer"):
        ws.oddFooter.left.text = doc["running_footer"]
        ws.oddFooter.left.size = 8
        ws.oddFooter.right.text = "Page &P of &N"
        ws.oddFooter.right.size = 8
    wb.properties.title = next((b["title"] for b in doc["body"] if "title" in b), "")
    wb.save(path)
    return path


def lines_in(txt, width_units, size):
    """Lines that wrapped text takes in a column of width_units characters.

    Calc does not always grow a row to fit its wrapped text when it opens an
    XLSX file, so every row is given an explicit height from this estimate
    (generous: Arial averages about 0.5 em a character; words wrap early).
    """
    usable_pt = width_units * 7 * 0.75 - 4
    per_line = max(1, int(usable_pt / (size * 0.48)))
    n = 0
    for para in (txt or "").split("\n"):
        n += max(1, -(-int(len(para) * 1.08) // per_line))
    return n


def row_height(ws, values, size):
    n = max(lines_in(v, ws.column_dimensions[get_column_letter(i)].width, size)
            for i, v in enumerate(values, start=1))
    return n * size * 1.28 + 4


def merged_height(ws, txt, ncols, size):
    """A merged wrapped cell does not grow by itself: the height its text needs."""
    width = sum(ws.column_dimensions[get_column_letter(i)].width for i in range(1, ncols + 1))
    return lines_in(txt, width, size) * size * 1.28 + 4


def table(ws, t, r, header_rows):
    cols = t["columns"]
    n = len(cols)
    hfill = PatternFill("solid", fgColor=t["header_fill"].lstrip("#")) if t.get("header_fill") else None
    hfont = Font(name="Arial", bold=True, size=10, color=t.get("header_color", "#000000").lstrip("#"))
    if any(c.get("group") for c in cols):
        return grouped_header(ws, t, r, header_rows, hfont, hfill)
    for i, c in enumerate(cols, start=1):
        cell = ws.cell(row=r, column=i, value=c["h"])
        cell.font, cell.alignment, cell.border = hfont, WRAP, BOX
        if hfill:
            cell.fill = hfill
    ws.row_dimensions[r].height = row_height(ws, [c["h"] for c in cols], 10)
    if not header_rows:
        header_rows.append(r)
    r += 1
    return body_rows(ws, t, r)


def grouped_header(ws, t, r, header_rows, hfont, hfill):
    """Two header rows: a group label merged over its columns, the other
    labels merged down both rows."""
    cols = t["columns"]
    n = len(cols)
    for i, c in enumerate(cols, start=1):
        for rr in (r, r + 1):
            cell = ws.cell(row=rr, column=i)
            cell.font, cell.alignment, cell.border = hfont, WRAP, BOX
            if hfill:
                cell.fill = hfill
    i = 0
    while i < n:
        g = cols[i].get("group")
        if not g:
            ws.cell(row=r, column=i + 1, value=cols[i]["h"])
            ws.merge_cells(start_row=r, start_column=i + 1, end_row=r + 1, end_column=i + 1)
            i += 1
            continue
        j = i
        while j < n and cols[j].get("group") == g:
            ws.cell(row=r + 1, column=j + 1, value=cols[j]["h"])
            j += 1
        ws.cell(row=r, column=i + 1, value=g)
        ws.merge_cells(start_row=r, start_column=i + 1, end_row=r, end_column=j)
        i = j
    h = row_height(ws, [c["h"] for c in cols], 10) / 2 + 8
    ws.row_dimensions[r].height = h
    ws.row_dimensions[r + 1].height = h
    if not header_rows:
        header_rows.extend([r, r + 1])
    return body_rows(ws, t, r + 2)


def body_rows(ws, t, r):
    cols = t["columns"]
    n = len(cols)
    body = Font(name="Arial", size=9)
    for row in t["rows"]:
        if "band" in row or "theme" in row:
            band = row.get("band") or row["theme"]
            cell = ws.cell(row=r, column=1, value=band)
            cell.font = Font(name="Arial", bold=True, size=9)
            cell.alignment = WRAP
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
            ws.row_dimensions[r].height = merged_height(ws, band, n, 9)
            r += 1
            continue
        for i, c in enumerate(cols, start=1):
            v = text(row["c"].get(c["h"], ""))
            cell = ws.cell(row=r, column=i, value=v if v != "" else None)
            cell.font, cell.alignment, cell.border = body, WRAP, BOX
            fill = row.get("fill", {}).get(c["h"])
            if fill:
                cell.fill = PatternFill("solid", fgColor=COLOURS[fill])
        ws.row_dimensions[r].height = row_height(ws, [text(row["c"].get(c["h"], "")) for c in cols], 9)
        r += 1
    for line in (t.get("legend_row"), t.get("key_line")):
        if line:
            cell = ws.cell(row=r, column=1, value=line)
            cell.font = Font(name="Arial", italic=True, size=9)
            cell.alignment = WRAP
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
            ws.row_dimensions[r].height = merged_height(ws, line, n, 9)
            r += 1
    return r
