package extract

import (
	"strings"
	"testing"
)

func TestFlattenDeep(t *testing.T) {
	deep := strings.Repeat("[", 70) + "1" + strings.Repeat("]", 70)
	keep := []string{
		"1 0 obj << /A [1 [2 [3]]] /S (" + strings.Repeat("[", 80) + ") >> endobj\n",
		"2 0 obj << /Length 90 >>\nstream\n" + strings.Repeat("[", 80) + "\nendstream\nendobj\n",
		"% " + strings.Repeat("[", 80) + "\n",
		"4 0 obj <" + strings.Repeat("5b", 3) + "> endobj\n",
	}
	for _, k := range keep {
		out, n := flattenDeep([]byte(k))
		if n != 0 || string(out) != k {
			t.Errorf("changed %q into %q", k, out)
		}
	}
	in := "3 0 obj << /Type /Page /Junk " + deep + " /Contents 5 0 R >> endobj\n"
	inb := []byte(in)
	out, n := flattenDeep(inb)
	if n != 1 || len(out) != len(in) {
		t.Fatalf("%d flattened, length %d of %d", n, len(out), len(in))
	}
	want := "3 0 obj << /Type /Page /Junk " + strings.Repeat("[", 63) + "null" + strings.Repeat(" ", 141-63*2-4) + strings.Repeat("]", 63) + " /Contents 5 0 R >> endobj\n"
	if string(out) != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
	if string(inb) != in {
		t.Error("the input was changed; want a copy")
	}
}
