"""DOCX sources (python-docx) for LibreOffice Writer."""

import copy

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

COLOURS = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"}

BULLET_NUM_ID = "41"


def shade(cell, hexfill):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexfill.lstrip("#"))
    tcPr.append(shd)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def no_borders(table, keep=()):
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        if side in keep:
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), "6")
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        else:
            e.set(qn("w:val"), "nil")
        borders.append(e)
    tblPr.append(borders)


def cant_split(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def fixed_layout(table):
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def symbol_bullets(doc):
    """A numbering definition like Word's default bullet: U+F0B7 in Symbol."""
    numbering = doc.part.numbering_part.element
    absn = OxmlElement("w:abstractNum")
    absn.set(qn("w:abstractNumId"), "40")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", "\uf0b7"), ("w:lvlJc", "left")):
        e = OxmlElement(tag)
        e.set(qn("w:val"), val)
        lvl.append(e)
    pPr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "284")
    ind.set(qn("w:hanging"), "284")
    pPr.append(ind)
    lvl.append(pPr)
    rPr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for a in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(a), "Symbol")
    fonts.set(qn("w:hint"), "default")
    rPr.append(fonts)
    lvl.append(rPr)
    absn.append(lvl)
    # abstractNum elements must come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), BULLET_NUM_ID)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "40")
    num.append(ref)
    numbering.append(num)


def as_bullet(paragraph):
    pPr = paragraph._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numId = OxmlElement("w:numId")
    numId.set(qn("w:val"), BULLET_NUM_ID)
    numPr.append(ilvl)
    numPr.append(numId)
    pPr.append(numPr)


def fill_cell(cell, value, size=9, bold=False, italic=False, color=None, bullets=None):
    items = value if isinstance(value, list) else [value or ""]
    first = True
    for p in items:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        para.paragraph_format.space_after = Pt(2)
        txt = p
        if p.startswith("\u2022 ") and bullets == "symbol":
            as_bullet(para)
            txt = p[2:]
        run = para.add_run(txt)
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic
        if color:
            run.font.color.rgb = RGBColor.from_string(color.lstrip("#"))


def page_field(paragraph, instr):
    run = paragraph.add_run()
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    run._r.addnext(fld)


def setup(doc, spec):
    sec = doc.sections[0]
    if spec["page"]["orientation"] == "landscape":
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsia"), "Arial")
    if spec.get("running_header"):
        p = sec.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(spec["running_header"])
        r.font.size = Pt(8)
    if spec.get("running_footer"):
        p = sec.footer.paragraphs[0]
        r = p.add_run(spec["running_footer"] + "    Page ")
        r.font.size = Pt(8)
        page_field(p, "PAGE")
        r2 = p.add_run(" of ")
        r2.font.size = Pt(8)
        page_field(p, "NUMPAGES")
    return (sec.page_width - sec.left_margin - sec.right_margin)


def add_table(doc, t, width):
    cols = t["columns"]
    n = len(cols)
    rows = t["rows"]
    total = sum(c["w"] for c in cols)
    if t.get("width_pct"):
        # A table narrower than the text block, as Word leaves one that was
        # never stretched to the margins.
        width = int(width * t["width_pct"] / 100)
    widths = [int(width * c["w"] / total) for c in cols]
    table = doc.add_table(rows=0, cols=n)
    if any(c.get("group") for c in cols):
        raise NotImplementedError("two-level headers: HTML and XLSX only")
    if t.get("style") == "borderless":
        no_borders(table)
    elif t.get("style") == "hrules":
        # Horizontal rules only, as Word's plain list table styles print.
        no_borders(table, keep=("top", "bottom", "insideH"))
    else:
        table.style = "Table Grid"
    fixed_layout(table)
    for i, col in enumerate(table.columns):
        col.width = widths[i]  # the grid LibreOffice lays out from
    bullets = t.get("bullets")

    def add_row():
        r = table.add_row()
        if t.get("rows_nosplit"):
            cant_split(r)
        for i, c in enumerate(r.cells):
            c.width = widths[i]
        return r

    hdr = add_row()
    if t.get("repeat_header"):
        repeat_header(hdr)
    for i, c in enumerate(cols):
        fill_cell(hdr.cells[i], c["h"], bold=True, color=t.get("header_color"))
        if t.get("header_fill"):
            shade(hdr.cells[i], t["header_fill"])
    if t.get("instruction"):
        ins = add_row()
        if t.get("repeat_header"):
            repeat_header(ins)
        for i, c in enumerate(cols):
            fill_cell(ins.cells[i], t["instruction"].get(c["h"], ""), size=8, italic=True)
    merge = set(t.get("merge", []))
    made = []
    for row in rows:
        r = add_row()
        made.append(r)
        if "band" in row or "theme" in row:
            cell = r.cells[0].merge(r.cells[n - 1])
            fill_cell(cell, row.get("band") or row["theme"], bold=True)
            if t.get("band_fill"):
                shade(cell, t["band_fill"])
            continue
        for i, c in enumerate(cols):
            if c["h"] in merge:
                continue
            fill_cell(r.cells[i], row["c"].get(c["h"], ""), bullets=bullets)
            fill = row.get("fill", {}).get(c["h"])
            if fill:
                shade(r.cells[i], COLOURS[fill])
    # Vertical merges: runs of equal values in a merged column.
    for ci, c in enumerate(cols):
        if c["h"] not in merge:
            continue
        i = 0
        while i < len(rows):
            v = rows[i].get("c", {}).get(c["h"])
            j = i
            while j + 1 < len(rows) and "c" in rows[j + 1] and rows[j + 1]["c"].get(c["h"]) == v:
                j += 1
            top = made[i].cells[ci]
            if j > i:
                top = top.merge(made[j].cells[ci])
            if v is not None:
                fill_cell(top, v, bullets=bullets)
            i = j + 1
    if t.get("legend_row"):
        r = add_row()
        cell = r.cells[0].merge(r.cells[n - 1])
        fill_cell(cell, t["legend_row"], size=8.5)
    if t.get("key_line"):
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(4)
        run = p.add_run(t["key_line"])
        run.font.size = Pt(9)


def add_swatches(doc, block):
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(8)
    p.add_run(block.get("legend_title", "Key")).bold = True
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    fixed_layout(table)
    table.columns[0].width = Cm(1.2)
    table.columns[1].width = Cm(4)
    for colour, label in block["legend_swatches"]:
        r = table.add_row()
        r.cells[0].width = Cm(1.2)
        r.cells[1].width = Cm(4)
        shade(r.cells[0], COLOURS[colour])
        fill_cell(r.cells[1], label)


def write(spec, path):
    doc = Document()
    if any(b.get("table", {}).get("bullets") == "symbol" for b in spec["body"]):
        symbol_bullets(doc)
    width = setup(doc, spec)
    for b in spec["body"]:
        if "partnership" in b:
            p = doc.add_paragraph()
            r = p.add_run(b["partnership"])
            r.bold = True
            r.font.size = Pt(12)
        elif "title" in b:
            p = doc.add_paragraph()
            r = p.add_run(b["title"])
            r.bold = True
            r.font.size = Pt(18)
        elif "subtitle" in b:
            p = doc.add_paragraph()
            r = p.add_run(b["subtitle"])
            r.font.size = Pt(13)
        elif "h" in b:
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(10)
            r = p.add_run(b["h"])
            r.bold = True
            r.font.size = Pt(11)
        elif "p" in b:
            doc.add_paragraph(b["p"])
        elif "table" in b:
            add_table(doc, b["table"], width)
        elif "legend_swatches" in b:
            add_swatches(doc, b)
    doc.core_properties.title = next((b["title"] for b in spec["body"] if "title" in b), "")
    doc.save(path)
    return path
