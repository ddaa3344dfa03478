package normalize

import (
	"strings"
	"testing"
)

func TestColumnField(t *testing.T) {
	runDD(t, "columns.txt", func(c ddCase) string {
		var out []string
		for _, h := range strings.Split(c.input, "\n") {
			f, asOf := ColumnField(strings.Trim(h, `"`))
			if f == "" {
				f = "(unknown)"
			}
			if asOf != "" {
				f += " as_of=" + asOf
			}
			out = append(out, f)
		}
		return strings.Join(out, "\n")
	})
}
