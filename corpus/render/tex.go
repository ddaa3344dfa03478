package main

import (
	"fmt"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

// tex writes the spec as a LaTeX document for pdflatex. Tables are longtable
// (xl false) or xltabular (xl true) with the header repeated by \endhead when
// the spec repeats it. With rotate, the page stays portrait and each table
// sits on pdflscape pages (turned in the viewer by /Rotate); otherwise a
// landscape spec gets landscape paper. Text is justified, so TeX hyphenates
// words at line ends where the source has no hyphen and stretches spaces.
// A cell merged down (span) is printed in its first row and the covered cells
// are left empty, with the rules between them left out.
func tex(s *spec.Spec, xl, rotate bool) string {
	var b strings.Builder
	paper := "a4paper"
	if landscape(s) && !rotate {
		paper += ",landscape"
	}
	fmt.Fprintf(&b, "\\documentclass[%s]{article}\n", paper)
	b.WriteString("\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n")
	if strings.Contains(font(s, nil), "Sans") {
		b.WriteString("\\renewcommand{\\familydefault}{\\sfdefault}\n")
	}
	b.WriteString("\\input{glyphtounicode}\\pdfgentounicode=1\n")
	fmt.Fprintf(&b, "\\usepackage[%s,margin=%.1fcm,headsep=0.4cm,footskip=0.8cm]{geometry}\n", paper, marginCM(s))
	b.WriteString("\\usepackage{array,longtable,xltabular,pdflscape,fancyhdr,lastpage}\n\\usepackage[table]{xcolor}\n")
	b.WriteString("\\setlength{\\parindent}{0pt}\\setlength{\\parskip}{6pt}\n\\setlength{\\LTpre}{4pt}\\setlength{\\LTpost}{6pt}\n")
	b.WriteString("\\pagestyle{fancy}\\fancyhf{}\\renewcommand{\\headrulewidth}{0pt}\n")
	if h := s.Layout.Header; h != "" {
		fmt.Fprintf(&b, "\\fancyhead[C]{\\footnotesize %s}\n", texEscape(h))
	}
	if f := s.Layout.Footer; f != "" {
		fmt.Fprintf(&b, "\\fancyfoot[C]{\\footnotesize %s}\n", texFooter(f))
	}
	fmt.Fprintf(&b, "\\begin{document}\n\\fontsize{%.1f}{%.1f}\\selectfont\n", size(s, nil), size(s, nil)*1.2)
	for _, blk := range s.Blocks {
		b.WriteString(texBlock(s, blk, xl, rotate))
	}
	b.WriteString("\\end{document}\n")
	return b.String()
}

func texFooter(f string) string {
	var out strings.Builder
	for _, p := range footerParts(f) {
		switch p {
		case "{page}":
			out.WriteString("\\thepage{}")
		case "{pages}":
			out.WriteString("\\pageref*{LastPage}")
		default:
			out.WriteString(texEscape(p))
		}
	}
	return out.String()
}

func texBlock(s *spec.Spec, blk spec.Block, xl, rotate bool) string {
	switch blk.Kind {
	case "title":
		return "{\\Large\\bfseries " + texLines(blk.Text) + "\\par}\n\n"
	case "heading":
		return "{\\large\\bfseries " + texLines(blk.Text) + "\\par}\n\n"
	case "pagebreak":
		return "\\clearpage\n"
	case "table":
		t := texTable(s, blk.Table, xl)
		if rotate && landscape(s) {
			return "\\begin{landscape}\n" + t + "\\end{landscape}\n"
		}
		return t
	}
	if blk.Bold {
		return "\\textbf{" + texLines(blk.Text) + "}\n\n"
	}
	return texLines(blk.Text) + "\n\n"
}

// texTable writes one table. Column widths are fractions of \linewidth,
// less the padding TeX puts on both sides of every cell.
func texTable(s *spec.Spec, t *spec.Table, xl bool) string {
	n := len(t.Columns)
	ruled := !t.Borderless
	bar := ""
	if ruled {
		bar = "|"
	}
	var cols strings.Builder
	cols.WriteString(bar)
	for _, w := range widths(t, 10000) {
		fmt.Fprintf(&cols, "p{\\dimexpr %.4f\\linewidth-2\\tabcolsep-1.2pt\\relax}%s", float64(w)/10000, bar)
	}
	env := "longtable"
	if xl {
		env = "xltabular"
	}
	var b strings.Builder
	b.WriteString("{")
	if t.Size > 0 || t.Font != "" {
		fmt.Fprintf(&b, "\\fontsize{%.1f}{%.1f}\\selectfont", size(s, t), size(s, t)*1.2)
	}
	if xl {
		fmt.Fprintf(&b, "\\begin{xltabular}{\\linewidth}{%s}\n", cols.String())
	} else {
		fmt.Fprintf(&b, "\\begin{longtable}{%s}\n", cols.String())
	}
	hline := ""
	if ruled {
		hline = "\\hline\n"
	}
	head := hline + texHeader(t) + hline
	instr := ""
	if t.Instruction != nil {
		cells := make([]string, n)
		for i, c := range t.Instruction {
			cells[i] = "\\itshape " + texParas(c)
		}
		instr = strings.Join(cells, " & ") + " \\\\\n" + hline
	}
	if t.InstructionInHeader {
		head, instr = head+instr, ""
	}
	b.WriteString(head)
	if t.RepeatHeader {
		b.WriteString("\\endfirsthead\n" + head + "\\endhead\n")
	}
	b.WriteString(instr)
	covered := make([]int, n)
	for ri, r := range t.Rows {
		if r.Theme != "" {
			shade := t.HeaderShade
			if shade == "" {
				shade = "F2F2F2"
			}
			fmt.Fprintf(&b, "\\multicolumn{%d}{%sp{\\dimexpr\\linewidth-2\\tabcolsep-1.2pt\\relax}%s}{\\cellcolor[HTML]{%s}\\bfseries %s} \\\\\n%s",
				n, bar, bar, shade, texLines(r.Theme), hline)
			continue
		}
		cells := make([]string, n)
		for c, p := range r.Cells {
			if covered[c] > 0 {
				covered[c]--
			}
			if f := r.Fill[c]; f != "" {
				cells[c] = "\\cellcolor[HTML]{" + strings.ToUpper(f) + "}"
			}
			cells[c] += texParas(spec.Text(p))
		}
		for c, k := range r.Span {
			covered[c] = k - 1
		}
		end := " \\\\\n"
		if !ruled {
			end = " \\\\ \\noalign{\\vskip 6pt}\n" // rows apart by whitespace alone
		}
		b.WriteString(strings.Join(cells, " & ") + end)
		if ruled {
			b.WriteString(texRuleBelow(t, ri, covered))
		}
	}
	if t.Legend != "" {
		fmt.Fprintf(&b, "\\multicolumn{%d}{%sp{\\dimexpr\\linewidth-2\\tabcolsep-1.2pt\\relax}%s}{%s} \\\\\n%s",
			n, bar, bar, texLines(t.Legend), hline)
	}
	fmt.Fprintf(&b, "\\end{%s}}\n\n", env)
	return b.String()
}

// texRuleBelow rules under a row: across the table, or only under the
// columns that no merged cell carries on into the next row.
func texRuleBelow(t *spec.Table, ri int, covered []int) string {
	open := true
	for _, k := range covered {
		if k > 0 {
			open = false
		}
	}
	if open || ri == len(t.Rows)-1 {
		return "\\hline\n"
	}
	var b strings.Builder
	for c, k := range covered {
		if k == 0 {
			fmt.Fprintf(&b, "\\cline{%d-%d}", c+1, c+1)
		}
	}
	return b.String() + "\n"
}

func texHeader(t *spec.Table) string {
	cells := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cell := "\\bfseries "
		if t.HeaderShade != "" {
			cell = "\\cellcolor[HTML]{" + strings.ToUpper(t.HeaderShade) + "}" + cell
		}
		if t.HeaderAlign == "center" {
			cell += "\\centering\\arraybackslash "
		} else {
			cell += "\\raggedright\\arraybackslash "
		}
		cells[i] = cell + texLines(c)
	}
	return strings.Join(cells, " & ") + " \\\\\n"
}

// texParas turns "\n"-separated paragraphs into TeX paragraphs.
func texParas(text string) string {
	if text == "" {
		return ""
	}
	parts := strings.Split(text, "\n")
	for i := range parts {
		parts[i] = texEscape(parts[i])
	}
	return strings.Join(parts, "\\par ")
}

// texLines turns "\n" into forced line breaks.
func texLines(text string) string {
	parts := strings.Split(text, "\n")
	for i := range parts {
		parts[i] = texEscape(parts[i])
	}
	return strings.Join(parts, "\\newline ")
}

var texEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `&`, `\&`, `%`, `\%`, `$`, `\$`, `#`, `\#`, `_`, `\_`,
	`{`, `\{`, `}`, `\}`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
	"£", `\pounds{}`, "–", "--", "—", "---", "‘", "`", "’", "'", "“", "``", "”", "''",
	"'", `\textquotesingle{}`, `"`, `\textquotedbl{}`, "•", `\textbullet{}`, "…", `\ldots{}`,
)

func texEscape(s string) string { return texEscaper.Replace(s) }
