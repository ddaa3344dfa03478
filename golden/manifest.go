// Package golden holds the end-to-end golden test: every PDF of the corpus
// (corpus/MANIFEST.tsv) is extracted and compared with golden/<name>.json,
// which is derived only from the PDF's source spec in corpus/src, never from
// any extractor's output.
package golden

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Entry is one line of corpus/MANIFEST.tsv.
type Entry struct {
	ID       string // also the golden file's base name
	File     string // relative to corpus/
	SHA256   string
	Producer string
	Source   string // spec, relative to corpus/
	Command  string
	Quirk    string
	Outcome  string // ok, no_plan, no_text, error
}

var manifestCols = []string{"id", "file", "sha256", "producer", "source", "command", "quirk", "outcome"}

// ReadManifest reads a tab-separated manifest with a header line.
func ReadManifest(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != len(manifestCols) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, n, len(fields), len(manifestCols))
		}
		if n == 1 {
			if strings.Join(fields, ",") != strings.Join(manifestCols, ",") {
				return nil, fmt.Errorf("%s:1: header %q", path, fields)
			}
			continue
		}
		out = append(out, Entry{fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7]})
	}
	return out, sc.Err()
}
