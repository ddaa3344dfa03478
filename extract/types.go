package extract

import "time"

// Outcome says what became of one document.
type Outcome string

const (
	OutcomeOK     Outcome = "ok"      // at least one action-plan table was found
	OutcomeNoPlan Outcome = "no_plan" // readable, with text, but no action plan
	OutcomeNoText Outcome = "no_text" // readable, but its pages carry no text layer
	OutcomeError  Outcome = "error"   // the file could not be read
)

// Meta is what the gate learns about a file before any page is read.
type Meta struct {
	Pages        int       `json:"pages"`
	Version      string    `json:"version"`
	Title        string    `json:"title"`
	Author       string    `json:"author"`
	Subject      string    `json:"subject"`
	Creator      string    `json:"creator"`
	Producer     string    `json:"producer"`
	CreationDate time.Time `json:"creation_date"`
	ModDate      time.Time `json:"mod_date"`
	Encrypted    bool      `json:"encrypted"`
	// Permissions lists the user-access permissions the file grants when it
	// is encrypted ("print", "copy", ...). Nil when the file is not encrypted.
	Permissions []string `json:"permissions,omitempty"`
}

// Document is everything extracted from one PDF.
type Document struct {
	File     string   // base name of the source
	SHA256   string   // hex digest of the file's bytes
	Size     int64    // bytes
	Meta     Meta     // from the gate
	Outcome  Outcome  // ok, no_plan, no_text or error
	Err      error    // why Outcome is error; nil otherwise
	Warnings []string // validation warnings, pages that failed, ...
	// PagesRead is how many pages were interpreted: fewer than Meta.Pages
	// past the page cap or when the time bound ran out.
	PagesRead int
	// Incomplete says what of the document was not read, and why: a cap
	// hit (pages, decoded bytes), a stream that cannot be decoded. Empty
	// when the document was read whole.
	Incomplete []string
	Pages      []Page  // positioned text, in page order
	Tables     []Table // every table rebuilt, plans and others
	Flags      []Flag  // what the extractor is unsure of (flags.go)
}

// Plans returns the tables marked as action plans.
func (d *Document) Plans() []*Table {
	var out []*Table
	for i := range d.Tables {
		if d.Tables[i].IsPlan {
			out = append(out, &d.Tables[i])
		}
	}
	return out
}

// Table is one rebuilt table, possibly spanning many pages.
type Table struct {
	Index     int      // 0-based position among the document's tables
	IsPlan    bool     // its header reads as an action plan's
	Columns   []string // headers as printed, whitespace collapsed; "" for an unlabeled number column
	PageFirst int      // 1-based
	PageLast  int      // 1-based
	Rows      []Row    // logical rows (action rows), in order
	// Bounds are the column edges on the first page, in points, len(Columns)+1.
	Bounds []float64
	// NotPlan says why a table whose header reads as a plan's was not taken
	// for one ("" when it was, or when its header never read so).
	NotPlan string
	extent  []pageSpan // the height it takes on each of its pages
}

// Row is one logical row of a table, rebuilt whole across pages. Where a
// recommendation cell was merged across several action rows, each action row
// is its own Row, carrying the recommendation's cells again and sharing Group.
type Row struct {
	Seq       int      // 1-based position among the plan rows of the document (of its table, for other tables)
	Number    string   // as printed, without a trailing "."; "" when none
	Cells     []string // one per Table.Columns; paragraphs separated by "\n"
	Theme     string   // the theme sub-heading row above it, if any
	Group     int      // rows of one merged recommendation share a Group; numbered from 1
	PageFirst int      // 1-based
	PageLast  int      // 1-based
	// Fills holds each cell's shading colour ("#rrggbb", "" for none), one
	// per column; nil when no cell of the row is shaded. A plan may give a
	// RAG status by colour alone.
	Fills []string
	// Boxes are the pieces of the row's cells on each page it spans, for
	// drawing and for tracing a value back to where it was printed.
	Boxes []Box
}

// Box is the extent of one cell's text on one page.
type Box struct {
	Page   int // 1-based
	Col    int // index into Table.Columns
	X0, X1 float64
	Top    float64
	Bottom float64
}

// Page is one page's text as our interpreter reads it.
type Page struct {
	Number    int     // 1-based
	Width     float64 // after /Rotate and orientation are applied
	Height    float64
	Rotation  int    // degrees applied to bring text upright
	Lines     []Line // reading order, top to bottom
	Rules     []Rule // ruling lines
	Fills     []Fill // filled areas (cell shading), in drawing order
	Furniture []Line // running headers, footers, page numbers
	Err       error  // set when the page could not be interpreted
}

// Line is a run of words sharing a baseline, in page space with y growing
// downwards from the top of the page.
type Line struct {
	Words  []Word
	X0, X1 float64
	Top    float64
	Bottom float64
}

// Text joins the line's words with single spaces.
func (l Line) Text() string {
	n := 0
	for _, w := range l.Words {
		n += len(w.Text) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range l.Words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w.Text...)
	}
	return string(b)
}

// Word is a run of glyphs with no gap between them.
type Word struct {
	Text   string
	X0, X1 float64
	Top    float64
	Bottom float64
	Size   float64 // font size in points
	Glyphs []Glyph
}

// Glyph is one shown character code, decoded and positioned.
type Glyph struct {
	Text   string  // decoded Unicode, possibly several runes ("fi"), or "" when unmapped
	X0, X1 float64 // left and right in page space
	Top    float64 // top of the em box
	Base   float64 // baseline
	Size   float64 // effective font size
	Space  bool    // a whitespace glyph (space, tab, no-break space)
}

// Fill is a filled area, such as a table cell's shading, with its colour as
// "#rrggbb".
type Fill struct {
	X0, Y0, X1, Y1 float64
	Color          string
}

// Rule is a ruling line: a stroked segment or a thin filled rectangle.
type Rule struct {
	X0, Y0, X1, Y1 float64 // page space, y down; X0<=X1, Y0<=Y1
}

// Vertical reports whether the rule runs up and down the page.
func (r Rule) Vertical() bool { return r.Y1-r.Y0 > r.X1-r.X0 }
