package normalize

import (
	"strings"
	"testing"
)

func TestParseScope(t *testing.T) {
	runDD(t, "scope.txt", func(c ddCase) string {
		var out []string
		for _, s := range strings.Split(c.input, "\n") {
			lv := scopeOf(s, c.opts["area"])
			if lv == "" {
				lv = "-"
			}
			out = append(out, lv)
		}
		return strings.Join(out, "\n")
	})
}
