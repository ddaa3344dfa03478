package main

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

func odfBlock(s *spec.Spec, blk spec.Block, ti int, pageBreak bool) string {
	switch blk.Kind {
	case "title":
		return odfPara(pick(pageBreak, "PBT", "Title"), blk.Text)
	case "heading":
		return odfPara(pick(pageBreak, "PB", "Heading_20_1"), blk.Text)
	case "table":
		pre := ""
		if pageBreak {
			pre = `<text:p text:style-name="PB"/>` + "\n"
		}
		return pre + odfTable(blk.Table, ti)
	}
	if blk.Bold {
		return odfPara("Bold", blk.Text)
	}
	return odfPara("Text_20_body", blk.Text)
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// odfPara writes one paragraph; "\n" inside text becomes a line break.
func odfPara(style, text string) string {
	lines := strings.Split(text, "\n")
	for i := range lines {
		var b strings.Builder
		for _, pc := range symbolPieces(lines[i]) {
			if pc.font != "" {
				b.WriteString(`<text:span text:style-name="Sym` + pc.font + `">` + esc(string(pc.text)) + `</text:span>`)
				continue
			}
			b.WriteString(esc(string(pc.text)))
		}
		lines[i] = b.String()
	}
	return `<text:p text:style-name="` + style + `">` + strings.Join(lines, "<text:line-break/>") + "</text:p>\n"
}

func odfTable(t *spec.Table, ti int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table:table table:name="Table%d" table:style-name="T%d">`+"\n", ti+1, ti)
	for ci := range t.Columns {
		fmt.Fprintf(&b, `<table:table-column table:style-name="T%d.C%d"/>`, ti, ci)
	}
	b.WriteString("\n")
	row := pick(t.CantSplit, "RowKeep", "RowFree")
	head := odfHeaderRow(t, ti, row)
	instr := ""
	if t.Instruction != nil {
		instr = odfRow(ti, row, textCells(t.Instruction), nil, nil, "TI")
	}
	if t.InstructionInHeader {
		head, instr = head+instr, ""
	}
	if t.RepeatHeader {
		head = "<table:table-header-rows>" + head + "</table:table-header-rows>\n"
	}
	b.WriteString(head + instr)
	for _, r := range t.Rows {
		if r.Theme != "" {
			fmt.Fprintf(&b, `<table:table-row table:style-name="%s"><table:table-cell table:style-name="T%d.theme" table:number-columns-spanned="%d" office:value-type="string">%s</table:table-cell>%s</table:table-row>`+"\n",
				row, ti, len(t.Columns), odfPara("TT", r.Theme), strings.Repeat("<table:covered-table-cell/>", len(t.Columns)-1))
			continue
		}
		b.WriteString(odfRow(ti, row, r.Cells, r.Span, r.Fill, "Table_20_Contents"))
	}
	if t.Legend != "" {
		fmt.Fprintf(&b, `<table:table-row table:style-name="%s"><table:table-cell table:style-name="T%d.cell" table:number-columns-spanned="%d" office:value-type="string">%s</table:table-cell>%s</table:table-row>`+"\n",
			row, ti, len(t.Columns), odfPara("Table_20_Contents", t.Legend), strings.Repeat("<table:covered-table-cell/>", len(t.Columns)-1))
	}
	b.WriteString("</table:table>\n")
	return b.String()
}

func odfHeaderRow(t *spec.Table, ti int, row string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table:table-row table:style-name="%s">`, row)
	ps := pick(t.HeaderAlign == "center", "THC", "Table_20_Heading")
	for _, c := range t.Columns {
		fmt.Fprintf(&b, `<table:table-cell table:style-name="T%d.head" office:value-type="string">%s</table:table-cell>`, ti, odfPara(ps, c))
	}
	b.WriteString("</table:table-row>\n")
	return b.String()
}

func odfRow(ti int, row string, cells []*string, span map[int]int, fill map[int]string, ps string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table:table-row table:style-name="%s">`, row)
	for ci, c := range cells {
		if c == nil {
			b.WriteString("<table:covered-table-cell/>")
			continue
		}
		style := fmt.Sprintf("T%d.cell", ti)
		if fill[ci] != "" {
			style = fmt.Sprintf("T%d.fill%s", ti, fill[ci])
		}
		attr := ""
		if span[ci] > 1 {
			attr = fmt.Sprintf(` table:number-rows-spanned="%d"`, span[ci])
		}
		fmt.Fprintf(&b, `<table:table-cell table:style-name="%s"%s office:value-type="string">`, style, attr)
		paras := strings.Split(*c, "\n")
		for _, p := range paras {
			b.WriteString(odfPara(ps, p))
		}
		b.WriteString("</table:table-cell>")
	}
	b.WriteString("</table:table-row>\n")
	return b.String()
}
