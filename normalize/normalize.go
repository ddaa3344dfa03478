package normalize

import (
	"sync"

	"github.com/actionplan/actionplan/extract"
)

// Options configures a Normalizer.
type Options struct {
	// AliasFiles are user files of extra agency aliases, read at start-up so
	// that no rebuild is needed to curate names. Each is a tab-separated
	// file in the format of data/agencies.tsv (see README.md).
	AliasFiles []string
}

// Normalizer holds the agency registry and everything else loaded once.
// It is safe for concurrent use.
type Normalizer struct {
	opt Options
	reg *Registry
}

// shippedRegistry is the registry without user files, built once per
// process and shared: it is only read after loading.
var shippedRegistry = sync.OnceValues(func() (*Registry, error) { return LoadRegistry() })

// New loads the embedded registry and the user's alias files.
func New(opt Options) (*Normalizer, error) {
	load := shippedRegistry
	if len(opt.AliasFiles) > 0 {
		load = func() (*Registry, error) { return LoadRegistry(opt.AliasFiles...) }
	}
	reg, err := load()
	if err != nil {
		return nil, err
	}
	return &Normalizer{opt: opt, reg: reg}, nil
}

// Registry returns the agency registry in use.
func (n *Normalizer) Registry() *Registry { return n.reg }

// Result is one document's normalized output.
type Result struct {
	Review   Review
	Records  []Record // one per action row of every plan table, in document order
	Warnings []string
	// Flags are the document's quality flags: the extractor's and those
	// read from the records (flags.go). A clean document has none.
	Flags []extract.Flag
}

// Document normalizes every plan table of doc.
func (n *Normalizer) Document(doc *extract.Document) Result {
	d := n.newDocState(doc)
	var res Result
	res.Review = d.review
	res.Flags = append(res.Flags, doc.Flags...)
	for _, t := range doc.Plans() {
		recs := d.table(t)
		res.Flags = append(res.Flags, d.tableFlags(t, readColumns(t.Columns), recs)...)
		res.Records = append(res.Records, recs...)
	}
	res.Flags = append(res.Flags, partialFlag(res.Records)...)
	settleDates(&res.Review, latestAsOf(res.Records))
	res.Warnings = d.warnings
	return res
}

// Review reads the identity of the review a document belongs to, whether
// or not it holds a plan (a recommendation-only document, an overview
// report, a no_plan document with a title block). The as-of date of a
// dated update column needs the plan rows: Document gives it.
func (n *Normalizer) Review(doc *extract.Document) Review {
	rv := n.reg.ReadReview(reviewTexts(doc))
	settleDates(&rv, "")
	return rv
}

func latestAsOf(recs []Record) string {
	best := ""
	for _, r := range recs {
		if r.AsOf > best {
			best = r.AsOf
		}
	}
	return best
}
