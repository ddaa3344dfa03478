package normalize

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the expected output of testdata/*.txt")

// A ddCase is one case of a data-driven test file: options (lines "@key=value"),
// input lines, a line "----", then the expected lines.
type ddCase struct {
	line     int
	opts     map[string]string
	input    string
	expected string
	head     string // the input section as written, options included
}

// ddFile reads a data-driven test file. Cases are separated by a line "===="
// when the file has one, otherwise by blank lines; lines starting "#" outside
// a case are comments.
func ddFile(t *testing.T, path string) (cases []ddCase, sep string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	sep = "\n\n"
	if strings.Contains("\n"+text, "\n====\n") {
		sep = "\n====\n"
	}
	line := 1
	for _, block := range strings.Split(text, sep) {
		start := line
		line += strings.Count(block, "\n") + strings.Count(sep, "\n")
		block = strings.Trim(block, "\n")
		if c, ok := ddParse(block, start); ok {
			cases = append(cases, c)
		}
	}
	return cases, sep
}

func ddParse(block string, line int) (ddCase, bool) {
	c := ddCase{line: line, opts: map[string]string{}}
	in, out, ok := strings.Cut(block+"\n", "----\n")
	if !ok {
		return c, false
	}
	var inLines []string
	for _, l := range strings.Split(strings.TrimSuffix(in, "\n"), "\n") {
		if strings.HasPrefix(l, "#") && len(inLines) == 0 {
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimPrefix(l, "@"), "="); ok && strings.HasPrefix(l, "@") {
			c.opts[k] = v
			continue
		}
		inLines = append(inLines, l)
	}
	c.head = strings.TrimSuffix(in, "\n")
	c.input = strings.Join(inLines, "\n")
	c.expected = strings.TrimSuffix(out, "\n")
	return c, true
}

// runDD runs fn over every case of testdata/name, comparing or, with
// -rewrite, replacing the expected sections.
func runDD(t *testing.T, name string, fn func(c ddCase) string) {
	path := filepath.Join("testdata", name)
	cases, sep := ddFile(t, path)
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	var out []string
	for _, c := range cases {
		got := strings.TrimRight(fn(c), "\n")
		if *rewrite {
			out = append(out, c.head+"\n----\n"+got)
			continue
		}
		if got != c.expected {
			t.Errorf("%s:%d: input:\n%s\ngot:\n%s\nwant:\n%s", path, c.line, c.input, got, c.expected)
		}
	}
	if *rewrite {
		if err := os.WriteFile(path, []byte(strings.Join(out, sep)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// kv formats name=value pairs, one per line, skipping nothing, so that an
// expected section states every field.
func kv(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, "%s=%s\n", pairs[i], pairs[i+1])
	}
	return b.String()
}
