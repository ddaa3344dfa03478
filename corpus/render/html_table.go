package main

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

func htmlTable(s *spec.Spec, t *spec.Table) string {
	var b strings.Builder
	class := "ruled"
	if t.Borderless {
		class = "plain"
	}
	style := ""
	if t.Font != "" || t.Size > 0 {
		style = fmt.Sprintf(` style="font-family: %q; font-size: %.1fpt"`, font(s, t), size(s, t))
	}
	fmt.Fprintf(&b, "<table class=%q%s>\n<colgroup>", class, style)
	for _, w := range widths(t, 10000) {
		fmt.Fprintf(&b, "<col style=\"width:%.2f%%\">", float64(w)/100)
	}
	b.WriteString("</colgroup>\n")
	head := htmlHeaderRow(t)
	rowClass := "split"
	if t.CantSplit {
		rowClass = "keep"
	}
	if t.Instruction != nil && t.InstructionInHeader {
		head += htmlRow(rowClass, textCells(t.Instruction), nil, nil, "instr")
	}
	if t.RepeatHeader {
		b.WriteString("<thead>" + head + "</thead>\n<tbody>\n")
	} else {
		b.WriteString("<tbody>\n" + head)
	}
	if t.Instruction != nil && !t.InstructionInHeader {
		b.WriteString(htmlRow(rowClass, textCells(t.Instruction), nil, nil, "instr"))
	}
	for _, r := range t.Rows {
		if r.Theme != "" {
			fmt.Fprintf(&b, "<tr class=%q><td class=\"theme\" colspan=\"%d\"%s>%s</td></tr>\n",
				rowClass, len(t.Columns), bg(t.HeaderShade, "F2F2F2"), lines(r.Theme))
			continue
		}
		b.WriteString(htmlRow(rowClass, r.Cells, r.Span, r.Fill, ""))
	}
	if t.Legend != "" {
		fmt.Fprintf(&b, "<tr class=%q><td colspan=\"%d\">%s</td></tr>\n", rowClass, len(t.Columns), lines(t.Legend))
	}
	b.WriteString("</tbody></table>\n")
	return b.String()
}

func bg(fill, def string) string {
	if fill == "" {
		fill = def
	}
	if fill == "" {
		return ""
	}
	return ` style="background:#` + fill + `"`
}

func htmlHeaderRow(t *spec.Table) string {
	var b strings.Builder
	b.WriteString("<tr>")
	class := ""
	if t.HeaderAlign == "center" {
		class = ` class="center"`
	}
	for _, c := range t.Columns {
		fmt.Fprintf(&b, "<th%s%s>%s</th>", class, bg(t.HeaderShade, ""), lines(c))
	}
	b.WriteString("</tr>\n")
	return b.String()
}

func htmlRow(rowClass string, cells []*string, span map[int]int, fill map[int]string, cellClass string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<tr class=%q>", rowClass)
	for i, c := range cells {
		if c == nil {
			continue
		}
		attr := ""
		if span[i] > 1 {
			attr = fmt.Sprintf(` rowspan="%d"`, span[i])
		}
		if cellClass != "" {
			attr += ` class="` + cellClass + `"`
		}
		b.WriteString("<td" + attr + bg(fill[i], "") + ">" + htmlParas(*c) + "</td>")
	}
	b.WriteString("</tr>\n")
	return b.String()
}

func htmlParas(text string) string {
	if text == "" {
		return ""
	}
	var b strings.Builder
	for _, p := range strings.Split(text, "\n") {
		b.WriteString("<p class=\"c\">" + lines(p) + "</p>")
	}
	return b.String()
}
