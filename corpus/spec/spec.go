// Package spec reads the corpus source specs (corpus/src/*.json) and derives
// from them the expected extraction (the golden files). It owns the fixture
// format shared by the renderer and the golden test; it never looks at a PDF.
package spec

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Spec is one fixture document: its text before, inside and after its tables,
// and the layout knobs the renderer applies.
type Spec struct {
	ID     string  `json:"id"`
	About  string  `json:"about"`
	Review *Review `json:"review,omitempty"`
	Layout Layout  `json:"layout"`
	Blocks []Block `json:"blocks"`
}

// Review is the metadata an analyst would record for the document.
type Review struct {
	Type      string `json:"type"`
	Reference string `json:"reference"`
	Area      string `json:"area"`
	Pseudonym string `json:"pseudonym"`
	Date      string `json:"date"` // plan date, ISO to the precision printed
}

// Layout holds the page-level knobs.
type Layout struct {
	Orientation string  `json:"orientation"` // "portrait" or "landscape"
	Font        string  `json:"font"`        // e.g. "Liberation Sans"
	Size        float64 `json:"size"`        // body font size, points
	MarginCM    float64 `json:"margin_cm"`   // all four page margins
	Header      string  `json:"header"`      // running header text, e.g. "OFFICIAL"
	Footer      string  `json:"footer"`      // running footer; "{page}" and "{pages}" are replaced
}

// Block is one piece of the document body.
type Block struct {
	Kind  string `json:"kind"` // title, heading, para, pagebreak, table
	Text  string `json:"text,omitempty"`
	Bold  bool   `json:"bold,omitempty"`
	Table *Table `json:"table,omitempty"`
}

// Table is a table as printed. Plan tables carry expectations on every row.
type Table struct {
	Plan         bool      `json:"plan"`
	Columns      []string  `json:"columns"` // "\n" forces a line break inside a label
	Widths       []float64 `json:"widths"`  // relative column widths
	RepeatHeader bool      `json:"repeat_header"`
	CantSplit    bool      `json:"cant_split"` // rows never break across pages
	Borderless   bool      `json:"borderless"`
	HeaderAlign  string    `json:"header_align,omitempty"` // "left" (default) or "center"
	HeaderShade  string    `json:"header_shade,omitempty"` // hex fill, e.g. "D9D9D9"
	Font         string    `json:"font,omitempty"`         // overrides Layout.Font
	Size         float64   `json:"size,omitempty"`         // overrides Layout.Size
	Instruction  []string  `json:"instruction,omitempty"`  // template row under the header
	// InstructionInHeader prints the instruction row as part of the header,
	// so that it repeats with it on every page.
	InstructionInHeader bool `json:"instruction_in_header,omitempty"`
	// Legend is a key printed as a last row spanning the table
	// ("Key: G = complete, A = on track, R = off track"); not a golden row.
	Legend string `json:"legend,omitempty"`
	Rows   []Row  `json:"rows"`
}

// Row is either a theme sub-heading (Theme set, spanning the table) or a data
// row. A nil cell is covered by a cell above that spans down (Span).
type Row struct {
	Theme string `json:"theme,omitempty"`
	// Band marks a theme row that is a recommendation governing the rows
	// under it ("Recommendation 2: ..."): its number and its text without
	// the label, as an analyst records them.
	Band   *Band          `json:"band,omitempty"`
	Number string         `json:"number,omitempty"`
	Cells  []*string      `json:"cells,omitempty"`
	Span   map[int]int    `json:"span,omitempty"` // column -> rows spanned
	Fill   map[int]string `json:"fill,omitempty"` // column -> background (RAG colour)
	Expect *Expect        `json:"expect,omitempty"`
}

// Band is the recommendation a band row states.
type Band struct {
	Number string `json:"number"`
	Text   string `json:"text"`
}

// Expect is the canonical reading an analyst would give the row.
type Expect struct {
	Scope    string   `json:"scope"`    // local, regional, national or ""
	Status   string   `json:"status"`   // completed, ongoing, not_started or ""
	Agencies []string `json:"agencies"` // full official names
	// RecommendationNumber and Recommendation are what a band row above
	// the row gives it (derived from the band, not written per row).
	RecommendationNumber string `json:"recommendation_number,omitempty"`
	Recommendation       string `json:"recommendation,omitempty"`
}

// Load reads and checks one spec file.
func Load(path string) (*Spec, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Spec
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

func (s *Spec) check() error {
	for bi, b := range s.Blocks {
		if b.Kind != "table" {
			continue
		}
		if b.Table == nil {
			return fmt.Errorf("block %d: table kind without table", bi)
		}
		if err := b.Table.check(); err != nil {
			return fmt.Errorf("block %d: %w", bi, err)
		}
	}
	return nil
}

func (t *Table) check() error {
	n := len(t.Columns)
	if len(t.Widths) != n {
		return fmt.Errorf("%d widths for %d columns", len(t.Widths), n)
	}
	if t.Instruction != nil && len(t.Instruction) != n {
		return fmt.Errorf("instruction row has %d cells for %d columns", len(t.Instruction), n)
	}
	covered := make([]int, n)
	for ri, r := range t.Rows {
		if r.Band != nil && r.Theme == "" {
			return fmt.Errorf("row %d: band without its printed theme text", ri)
		}
		if r.Theme != "" {
			continue
		}
		if len(r.Cells) != n {
			return fmt.Errorf("row %d: %d cells for %d columns", ri, len(r.Cells), n)
		}
		for c := range r.Cells {
			if (covered[c] > 0) != (r.Cells[c] == nil) {
				return fmt.Errorf("row %d col %d: null cell must match a span from above", ri, c)
			}
			if covered[c] > 0 {
				covered[c]--
			}
		}
		for c, k := range r.Span {
			covered[c] = k - 1
		}
		if t.Plan && r.Expect == nil {
			return fmt.Errorf("row %d: plan row without expect", ri)
		}
	}
	return nil
}

// Text returns the cell's text, "" when covered.
func Text(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
