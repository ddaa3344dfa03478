package normalize

import "github.com/actionplan/actionplan/extract"

// Options configures a Normalizer.
type Options struct {
	// AliasFiles are user files of extra agency aliases, read at start-up so
	// that no rebuild is needed to curate names.
	AliasFiles []string
}

// Normalizer holds the agency registry and everything else loaded once.
// It is safe for concurrent use.
type Normalizer struct {
	opt Options
}

// New loads the embedded registry and the user's alias files.
func New(opt Options) (*Normalizer, error) {
	return &Normalizer{opt: opt}, nil
}

// Result is one document's normalized output.
type Result struct {
	Review   Review
	Records  []Record // one per action row of every plan table, in document order
	Warnings []string
}

// Document normalizes every plan table of doc.
func (n *Normalizer) Document(doc *extract.Document) Result {
	var res Result
	for _, t := range doc.Plans() {
		for _, r := range t.Rows {
			rec := Record{
				File: doc.File, SHA256: doc.SHA256, Seq: r.Seq, Number: r.Number,
				PageFirst: r.PageFirst, PageLast: r.PageLast, Table: t.Index,
				Group: r.Group, Theme: r.Theme, Cells: map[string]string{},
			}
			for i, c := range t.Columns {
				if i < len(r.Cells) {
					rec.Cells[c] = r.Cells[i]
				}
			}
			res.Records = append(res.Records, rec)
		}
	}
	return res
}
