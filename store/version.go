package store

import (
	"strconv"
	"strings"

	"github.com/actionplan/actionplan/extract"
)

// ExtractorVersion is the version documents are stamped with when LoadInput
// names none: the extractor's. A document whose stored version is older than
// the running extractor's is extracted again.
const ExtractorVersion = extract.Version

// OlderVersion reports whether version a is older than b. Versions compare
// part by part, split at dots and dashes, numerically where both parts are
// numbers ("0.9" < "0.10"); a leading "v" is ignored.
func OlderVersion(a, b string) bool {
	pa, pb := versionParts(a), versionParts(b)
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y string
		if i < len(pa) {
			x = pa[i]
		}
		if i < len(pb) {
			y = pb[i]
		}
		if x == y {
			continue
		}
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		switch {
		case ex == nil && ey == nil:
			return nx < ny
		case x == "":
			return true
		case y == "":
			return false
		}
		return x < y
	}
	return false
}

func versionParts(v string) []string {
	v = strings.TrimPrefix(strings.TrimSpace(v), "v")
	if v == "" {
		return nil
	}
	return strings.FieldsFunc(v, func(r rune) bool { return r == '.' || r == '-' || r == '+' })
}
