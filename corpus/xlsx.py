#!/usr/bin/python3
"""Write an .xlsx from a sheet layout that `go run ./corpus/render` wrote
(SPEC.sheet.json), for LibreOffice Calc to print: python3 xlsx.py IN.json OUT.xlsx

Needs python3-openpyxl. Cells wrap; the header row repeats on every page
(print_title_rows); fills, borders and merges as laid out; the page is fitted
to its width, landscape where the spec says."""
import json
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break


def main(src, out):
    with open(src, encoding="utf-8") as f:
        sh = json.load(f)
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for i, w in enumerate(sh["col_widths"] or [100]):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    for ri, row in enumerate(sh["rows"], start=1):
        for ci, c in enumerate(row["cells"], start=1):
            cell = ws.cell(row=ri, column=ci, value=c["text"] or None)
            size = sh["size"] * (1.5 if c.get("big") else 1)
            cell.font = Font(name=sh["font"], size=size, bold=c.get("bold", False), italic=c.get("italic", False))
            cell.alignment = Alignment(wrap_text=True, vertical="center" if c.get("center") else "top",
                                       horizontal="center" if c.get("center") else "left")
            if c.get("fill"):
                cell.fill = PatternFill("solid", start_color=c["fill"], end_color=c["fill"])
            if c.get("border"):
                cell.border = box
        if row.get("height"):
            ws.row_dimensions[ri].height = row["height"]
    for m in sh["merges"] or []:
        ws.merge_cells(start_row=m["Row"], start_column=m["Col"],
                       end_row=m["Row"] + m["Rows"] - 1, end_column=m["Col"] + m["Cols"] - 1)
    for r in sh["page_breaks"] or []:
        ws.row_breaks.append(Break(id=r))
    if sh["title_rows"]:
        ws.print_title_rows = "%d:%d" % tuple(sh["title_rows"])
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sh["landscape"] else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    m = sh["margin_in"]
    ws.page_margins.left = ws.page_margins.right = m
    ws.page_margins.top = ws.page_margins.bottom = m
    if sh["header"]:
        ws.oddHeader.center.text = sh["header"]
    if sh["footer"]:
        ws.oddFooter.center.text = sh["footer"]
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
