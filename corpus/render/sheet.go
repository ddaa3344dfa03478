package main

import (
	"encoding/json"
	"strings"

	"github.com/actionplan/actionplan/corpus/spec"
)

// sheet lays the spec out as one worksheet, written as JSON for
// corpus/xlsx.py (python3-openpyxl), which writes the .xlsx that
// LibreOffice Calc prints. Text blocks become rows merged across the table's
// width; the header row of the first plan table becomes the print title
// rows (repeated on every page) when the spec repeats it; cells wrap in
// their columns, so narrow columns wrap; the page is fitted to its width.
type sheet struct {
	Landscape  bool        `json:"landscape"`
	Font       string      `json:"font"`
	Size       float64     `json:"size"`
	MarginIn   float64     `json:"margin_in"`
	Header     string      `json:"header"`
	Footer     string      `json:"footer"`
	ColWidths  []float64   `json:"col_widths"` // characters
	TitleRows  []int       `json:"title_rows"` // 1-based first and last, or empty
	Rows       []sheetRow  `json:"rows"`
	Merges     []sheetSpan `json:"merges"`
	PageBreaks []int       `json:"page_breaks"` // 1-based rows a page break follows
}

type sheetRow struct {
	Cells  []sheetCell `json:"cells"`
	Height float64     `json:"height,omitempty"` // points; 0 lets Calc size it
}

type sheetCell struct {
	Text   string `json:"text"`
	Bold   bool   `json:"bold,omitempty"`
	Italic bool   `json:"italic,omitempty"`
	Fill   string `json:"fill,omitempty"`
	Border bool   `json:"border,omitempty"`
	Center bool   `json:"center,omitempty"`
	Big    bool   `json:"big,omitempty"`
}

type sheetSpan struct {
	Row, Col, Rows, Cols int // 1-based first cell, extent
}

// sheetWidth is the printed width of a sheet's table, in characters.
const sheetWidth = 150

func sheetJSON(s *spec.Spec) []byte {
	sh := sheet{Landscape: landscape(s), Font: font(s, nil), Size: size(s, nil), MarginIn: marginCM(s) / 2.54,
		Header: s.Layout.Header, Footer: xlsxFooter(s.Layout.Footer)}
	ncol := 1
	for _, blk := range s.Blocks {
		if blk.Kind == "table" {
			ncol = max(ncol, len(blk.Table.Columns))
			if sh.ColWidths == nil {
				for _, w := range widths(blk.Table, sheetWidth*100) {
					sh.ColWidths = append(sh.ColWidths, float64(w)/100)
				}
			}
		}
	}
	for _, blk := range s.Blocks {
		switch blk.Kind {
		case "pagebreak":
			sh.PageBreaks = append(sh.PageBreaks, len(sh.Rows))
		case "table":
			sh.addTable(blk.Table)
			sh.Rows = append(sh.Rows, sheetRow{Cells: []sheetCell{{}}})
		default:
			c := sheetCell{Text: blk.Text, Bold: blk.Bold || blk.Kind != "para", Big: blk.Kind == "title"}
			lines := 1 + strings.Count(blk.Text, "\n") + len(blk.Text)*7/(sheetWidth*6)
			size := sh.Size
			if c.Big {
				size *= 1.5 // xlsx.py sets titles half as large again
			}
			// Calc clips a cell's text to its row: the row must hold it all.
			sh.Rows = append(sh.Rows, sheetRow{Cells: []sheetCell{c}, Height: float64(lines) * size * 1.45})
			sh.Merges = append(sh.Merges, sheetSpan{Row: len(sh.Rows), Col: 1, Rows: 1, Cols: ncol})
		}
	}
	b, _ := json.MarshalIndent(sh, "", " ")
	return b
}

func (sh *sheet) addTable(t *spec.Table) {
	n := len(t.Columns)
	ruled := !t.Borderless
	head := make([]sheetCell, n)
	for i, c := range t.Columns {
		head[i] = sheetCell{Text: c, Bold: true, Fill: t.HeaderShade, Border: ruled, Center: t.HeaderAlign == "center"}
	}
	sh.Rows = append(sh.Rows, sheetRow{Cells: head})
	if t.RepeatHeader && sh.TitleRows == nil {
		sh.TitleRows = []int{len(sh.Rows), len(sh.Rows)}
	}
	if t.Instruction != nil {
		cells := make([]sheetCell, n)
		for i, c := range t.Instruction {
			cells[i] = sheetCell{Text: c, Italic: true, Border: ruled}
		}
		sh.Rows = append(sh.Rows, sheetRow{Cells: cells, Height: sh.rowHeight(cells)})
		if t.InstructionInHeader && len(sh.TitleRows) == 2 && sh.TitleRows[1] == len(sh.Rows)-1 {
			sh.TitleRows[1] = len(sh.Rows)
		}
	}
	for _, r := range t.Rows {
		if r.Theme != "" {
			shade := t.HeaderShade
			if shade == "" {
				shade = "F2F2F2"
			}
			cells := make([]sheetCell, n)
			for i := range cells {
				cells[i] = sheetCell{Fill: shade, Border: ruled}
			}
			cells[0].Text, cells[0].Bold = r.Theme, true
			sh.Rows = append(sh.Rows, sheetRow{Cells: cells})
			sh.Merges = append(sh.Merges, sheetSpan{Row: len(sh.Rows), Col: 1, Rows: 1, Cols: n})
			continue
		}
		cells := make([]sheetCell, n)
		for c, p := range r.Cells {
			cells[c] = sheetCell{Text: spec.Text(p), Fill: r.Fill[c], Border: ruled}
		}
		sh.Rows = append(sh.Rows, sheetRow{Cells: cells, Height: sh.rowHeight(cells)})
		for c, k := range r.Span {
			if k > 1 {
				sh.Merges = append(sh.Merges, sheetSpan{Row: len(sh.Rows), Col: c + 1, Rows: k, Cols: 1})
			}
		}
	}
	if t.Legend != "" {
		cells := make([]sheetCell, n)
		for i := range cells {
			cells[i] = sheetCell{Border: ruled}
		}
		cells[0].Text = t.Legend
		sh.Rows = append(sh.Rows, sheetRow{Cells: cells, Height: sh.Size*1.3*float64(1+len(t.Legend)/sheetWidth) + 4})
		sh.Merges = append(sh.Merges, sheetSpan{Row: len(sh.Rows), Col: 1, Rows: 1, Cols: n})
	}
}

// rowHeight gives a table row the height its tallest wrapped cell needs,
// with some room to spare: Calc does not size rows of an .xlsx to their
// wrapped text by itself. A column width of one character is about 5.25pt,
// a character of text about 0.5em.
func (sh *sheet) rowHeight(cells []sheetCell) float64 {
	most := 1
	for c, cell := range cells {
		if c >= len(sh.ColWidths) || cell.Text == "" {
			continue
		}
		perLine := max(1, int(sh.ColWidths[c]*5.25/(0.5*sh.Size))-1)
		n := 0
		for _, para := range strings.Split(cell.Text, "\n") {
			n += wrappedLines(para, perLine)
		}
		most = max(most, n)
	}
	return float64(most)*sh.Size*1.3 + 4
}

// wrappedLines counts the lines a paragraph takes, words wrapped at width
// characters.
func wrappedLines(para string, width int) int {
	lines, cur := 1, 0
	for _, w := range strings.Fields(para) {
		n := len([]rune(w))
		switch {
		case cur == 0:
			cur = n
		case cur+1+n <= width:
			cur += 1 + n
		default:
			lines++
			cur = n
		}
		for cur > width {
			lines++
			cur -= width
		}
	}
	return lines
}

// xlsxFooter turns {page} and {pages} into the codes of a sheet footer.
func xlsxFooter(f string) string {
	var b strings.Builder
	for _, p := range footerParts(f) {
		switch p {
		case "{page}":
			b.WriteString("&P")
		case "{pages}":
			b.WriteString("&N")
		default:
			b.WriteString(p)
		}
	}
	return b.String()
}
