package main

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

func docxTable(s *spec.Spec, t *spec.Table) string {
	pw, _ := pageTwips(s)
	ws := widths(t, pw-2*marginTwips(s))
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>`)
	b.WriteString(tblBorders(t.Borderless))
	b.WriteString(`<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range ws {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	b.WriteString(docxHeaderRow(s, t, ws))
	if t.Instruction != nil {
		b.WriteString(docxRow(s, t, ws, textCells(t.Instruction), nil, nil, true))
	}
	for _, r := range t.Rows {
		if r.Theme != "" {
			b.WriteString(docxSpanRow(t, ws, r.Theme, true))
			continue
		}
		b.WriteString(docxRow(s, t, ws, r.Cells, r.Span, r.Fill, false))
	}
	if t.Legend != "" {
		b.WriteString(docxSpanRow(t, ws, t.Legend, false))
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

func textCells(ss []string) []*string {
	out := make([]*string, len(ss))
	for i := range ss {
		out[i] = &ss[i]
	}
	return out
}

func tblBorders(none bool) string {
	val, sz := "single", 4
	if none {
		val, sz = "none", 0
	}
	var b strings.Builder
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b, `<w:%s w:val="%s" w:sz="%d" w:space="0" w:color="000000"/>`, side, val, sz)
	}
	b.WriteString(`</w:tblBorders>`)
	return b.String()
}

func trPr(t *spec.Table, header bool) string {
	p := ""
	if t.CantSplit {
		p += `<w:cantSplit/>`
	}
	if header && t.RepeatHeader {
		p += `<w:tblHeader/>`
	}
	if p == "" {
		return ""
	}
	return `<w:trPr>` + p + `</w:trPr>`
}

func docxHeaderRow(s *spec.Spec, t *spec.Table, ws []int) string {
	var b strings.Builder
	b.WriteString(`<w:tr>` + trPr(t, true))
	jc := ""
	if t.HeaderAlign == "center" {
		jc = `<w:jc w:val="center"/>`
	}
	for i, c := range t.Columns {
		b.WriteString(tcOpen(ws[i], "", t.HeaderShade, 1))
		b.WriteString(para("", jc+`<w:keepNext/>`, c, true) + `</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
	return b.String()
}

// docxSpanRow writes a row of one cell across the table: a theme heading
// (shaded, bold, kept with the next row) or a legend (plain).
func docxSpanRow(t *spec.Table, ws []int, text string, theme bool) string {
	total := 0
	for _, w := range ws {
		total += w
	}
	shade, ppr := "", ""
	if theme {
		shade, ppr = t.HeaderShade, `<w:keepNext/>`
		if shade == "" {
			shade = "F2F2F2"
		}
	}
	return `<w:tr>` + trPr(t, false) + tcOpen(total, "", shade, len(ws)) +
		para("", ppr, text, theme) + `</w:tc></w:tr>`
}

// docxRow writes one data row. A nil cell continues a vertical merge.
func docxRow(s *spec.Spec, t *spec.Table, ws []int, cells []*string, span map[int]int, fill map[int]string, instr bool) string {
	var b strings.Builder
	b.WriteString(`<w:tr>` + trPr(t, instr && t.InstructionInHeader))
	for i, c := range cells {
		merge := ""
		if span[i] > 1 {
			merge = `<w:vMerge w:val="restart"/>`
		} else if c == nil {
			merge = `<w:vMerge/>`
		}
		b.WriteString(tcOpen(ws[i], merge, fill[i], 1))
		b.WriteString(cellParas(spec.Text(c), instr) + `</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
	return b.String()
}

func tcOpen(w int, merge, shade string, gridSpan int) string {
	p := fmt.Sprintf(`<w:tcW w:w="%d" w:type="dxa"/>`, w)
	if gridSpan > 1 {
		p += fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, gridSpan)
	}
	p += merge
	if shade != "" {
		p += `<w:shd w:val="clear" w:color="auto" w:fill="` + shade + `"/>`
	}
	return `<w:tc><w:tcPr>` + p + `</w:tcPr>`
}

// cellParas writes each "\n"-separated paragraph of a cell as a w:p.
func cellParas(text string, italic bool) string {
	if text == "" {
		return `<w:p/>`
	}
	var b strings.Builder
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		after := "80"
		if i == len(paras)-1 {
			after = "0"
		}
		r := run(p, false)
		if italic {
			r = strings.Replace(r, `<w:r>`, `<w:r><w:rPr><w:i/></w:rPr>`, 1)
		}
		b.WriteString(`<w:p><w:pPr><w:spacing w:after="` + after + `"/></w:pPr>` + r + `</w:p>`)
	}
	return b.String()
}
