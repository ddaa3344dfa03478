package golden

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// KnownGap is a canonical value the product is known to get wrong on a
// corpus file, with the reason (corpus/known/canonical.tsv). The golden
// test expects exactly that wrong value, so that it fails when the gap
// changes either way.
type KnownGap struct {
	Line   int
	Key    string // a spec id (every rendering of it) or a corpus file id (that one)
	Where  string // "review", "plan" or "row N"
	Field  string
	Got    string // what the product gives today; agencies joined by "|", sorted
	Reason string
}

// KnownGaps is the whole list.
type KnownGaps []KnownGap

// ReadKnownGaps reads the tab-separated list: key, where, field, got,
// reason; '#' starts a comment line.
func ReadKnownGaps(path string) (KnownGaps, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out KnownGaps
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 5 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 5 (key, where, field, got, reason)", path, ln, len(p))
		}
		if strings.TrimSpace(p[4]) == "" {
			return nil, fmt.Errorf("%s:%d: no reason", path, ln)
		}
		id := p[0] + "\x00" + p[1] + "\x00" + p[2]
		if seen[id] {
			return nil, fmt.Errorf("%s:%d: %s %s %s listed twice", path, ln, p[0], p[1], p[2])
		}
		seen[id] = true
		out = append(out, KnownGap{Line: ln, Key: p[0], Where: p[1], Field: p[2], Got: p[3], Reason: p[4]})
	}
	return out, sc.Err()
}

// Find returns the gap listed for a difference on file fileID, a rendering
// of spec specID: a line keyed by the file wins over one keyed by the spec.
func (ks KnownGaps) Find(fileID, specID, where, field string) (int, *KnownGap) {
	for _, key := range []string{fileID, specID} {
		for i := range ks {
			if ks[i].Key == key && ks[i].Where == where && ks[i].Field == field {
				return i, &ks[i]
			}
		}
	}
	return -1, nil
}

// For lists the gaps that apply to file fileID, a rendering of specID.
func (ks KnownGaps) For(fileID, specID string) []int {
	var out []int
	for i, k := range ks {
		if k.Key == fileID {
			out = append(out, i)
		}
	}
	for i, k := range ks {
		if k.Key != specID {
			continue
		}
		if j, _ := ks.Find(fileID, specID, k.Where, k.Field); j == i {
			out = append(out, i)
		}
	}
	return out
}
