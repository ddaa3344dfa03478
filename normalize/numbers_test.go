package normalize

import (
	"strings"
	"testing"
)

// TestLeadingNumber reads the number printed at the start of a
// recommendation cell, one cell per line; "-" where there is none.
func TestLeadingNumber(t *testing.T) {
	runDD(t, "numbers.txt", func(c ddCase) string {
		var out []string
		for _, l := range strings.Split(c.input, "\n") {
			n := leadingNumber(l)
			if n == "" {
				n = "-"
			}
			out = append(out, n)
		}
		return strings.Join(out, "\n")
	})
}
