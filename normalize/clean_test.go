package normalize

import (
	"strings"
	"testing"
)

// cleanCase shows a cleaned text with its paragraph breaks as "¶".
func cleanCase(c ddCase) string {
	cl := defaultCleaner
	if ev, ok := c.opts["doc"]; ok {
		cl = NewCleaner(ev)
	}
	in := strings.ReplaceAll(c.input, `\n`, "\n")
	var got string
	if c.opts["lines"] == "true" {
		got = cl.JoinLines(strings.Split(in, "\n"))
	} else {
		got = cl.Clean(in)
	}
	return strings.ReplaceAll(got, "\n", "¶\n")
}

func TestClean(t *testing.T) {
	runDD(t, "clean.txt", cleanCase)
}

// TestCleanIdempotent checks Clean(Clean(s)) == Clean(s) on every input.
func TestCleanIdempotent(t *testing.T) {
	cases, _ := ddFile(t, "testdata/clean.txt")
	for _, c := range cases {
		once := Clean(strings.ReplaceAll(c.input, `\n`, "\n"))
		if twice := Clean(once); twice != once {
			t.Errorf("clean.txt:%d: not idempotent:\n%q\n%q", c.line, once, twice)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("recom- mendation • one\u00ad two <p>x</p>")
	f.Fuzz(func(t *testing.T, s string) {
		once := Clean(s)
		if twice := Clean(once); twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}
