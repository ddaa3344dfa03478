package golden

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// Span is the pages one golden row is printed on, as poppler reads them
// (corpus/pages.tsv, written by corpus/pagespans.py from pdftotext, never
// from our extractor); 0 where the row could not be placed.
type Span struct {
	Table, Row  int // 0-based table, 1-based row
	First, Last int
}

// ReadSpans reads corpus/pages.tsv into spans per corpus id. A missing file
// gives no spans.
func ReadSpans(path string) (map[string][]Span, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]Span{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 5", path, n, len(f))
		}
		var v [4]int
		for i, s := range f[1:] {
			if s == "" {
				continue
			}
			x, err := strconv.Atoi(s)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			v[i] = x
		}
		out[f[0]] = append(out[f[0]], Span{Table: v[0], Row: v[1], First: v[2], Last: v[3]})
	}
	return out, sc.Err()
}

// Pages checks each plan row's first and last page against the spans.
func (d *Diffs) Pages(spans []Span, doc *extract.Document) {
	plans := doc.Plans()
	for _, s := range spans {
		if s.Table >= len(plans) || s.Row < 1 || s.Row > len(plans[s.Table].Rows) {
			continue // the row count is reported already
		}
		r := plans[s.Table].Rows[s.Row-1]
		if s.First > 0 {
			d.PagesChecked++
			if r.PageFirst != s.First {
				d.loose("table %d row %d (number %q): page_first %d, poppler reads it first on page %d", s.Table, s.Row, r.Number, r.PageFirst, s.First)
			} else {
				d.PagesExact++
			}
		}
		if s.Last > 0 {
			d.PagesChecked++
			if r.PageLast != s.Last {
				d.loose("table %d row %d (number %q): page_last %d, poppler reads it last on page %d", s.Table, s.Row, r.Number, r.PageLast, s.Last)
			} else {
				d.PagesExact++
			}
		}
	}
}
