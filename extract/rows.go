package extract

// Rows: cut each page's part of a table into bands, and join the bands into
// logical rows across pages, cell by cell. The stages, one file each:
// bands.go (lines into bands), rowgroup.go (bands into rows), pagejoin.go
// (rows cut by a page break), rownumber.go, instruction.go, celltext.go
// (a cell's lines into text) and rowfinish.go (rows out).

// cellLine is one line of text inside one cell.
type cellLine struct {
	text     string
	x0, x1   float64
	top, bot float64
	base     float64
	size     float64
	firstW   float64 // width of the first word, for the short-line test
	page     int
	joined   bool // first line after a page break
}

// bandLine is one physical line of a band, cut into columns.
type bandLine struct {
	cells    []cellLine // per column; text "" when empty
	mid      float64
	text     string
	spanning bool // runs across the columns (a sub-heading)
}

type cut struct {
	y    float64
	cols []bool
	full bool
}

type band struct {
	page     int
	lines    []bandLine
	partial  []cut
	spanning bool
	first    bool // first band on its page
}

type rowAcc struct {
	cells     [][]cellLine
	fills     []string // per column, "" for none
	pageFirst int
	pageLast  int
}

type groupAcc struct {
	rows   []*rowAcc
	merged []bool
	theme  string
}

type builder struct {
	doc       *Document
	cols      layoutCols
	groups    []*groupAcc
	theme     string
	startPage int
	numbered  int // groups whose first cell carried a number
}

func newBuilder(doc *Document, cols layoutCols, startPage int) *builder {
	return &builder{doc: doc, cols: cols, startPage: startPage}
}

// addRegion cuts a page's region into bands and adds them.
func (b *builder) addRegion(doc *Document, r region) {
	if len(r.lines) == 0 {
		return
	}
	p := &doc.Pages[r.page]
	lines := b.cutLines(r)
	var bands []band
	if b.cols.ruled {
		bands = b.ruledBands(p, r, lines)
	} else {
		bands = b.openBands(p, r, lines)
	}
	for i := range bands {
		if !b.cols.ruled && !bands[i].spanning {
			bands[i].spanning = b.headingBand(bands[i])
		}
		bands[i].first = i == 0 && r.page != b.startPage
		b.addBand(bands[i])
	}
}
