package fetch

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
)

// SourcesFile is the name of the provenance file in the output folder.
const SourcesFile = "sources.csv"

// SourcesHeader is the header of sources.csv: the columns `ingest
// --sources` reads, then the page that linked the document, the link's text
// and when the URL stopped serving it.
var SourcesHeader = []string{"path", "url", "fetched_at", "etag", "last_modified", "sha256",
	"referrer", "link_text", "gone_at"}

// WriteSources writes dir/sources.csv from the state, atomically: one row per
// document URL and version, paths relative to dir.
func (s *State) WriteSources(dir string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(SourcesHeader)
	for _, u := range s.urls() {
		d := s.Documents[u]
		for _, v := range d.Versions {
			w.Write([]string{v.Path, d.URL, v.FetchedAt, v.ETag, v.LastModified, v.SHA256,
				d.Referrer, d.LinkText, d.GoneAt})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, SourcesFile), buf.Bytes())
}
