package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
)

// Fuzz targets for the fragile parsers: CMaps, content streams and whole
// files. The extractor recovers every panic per page and per document, so
// the targets watch the page recover through pagePanicHook and fail when a
// runtime error was raised in our own code (a bug), not in a library fed
// malformed input. Crashers live in testdata/fuzz/<Target>/ and replay
// under plain go test.

// ownPanic reports whether the panic being recovered was raised by a
// function of this package; it reads the stack of the recovering goroutine.
func ownPanic() (string, bool) {
	lines := strings.Split(string(debug.Stack()), "\n")
	i := 0
	for ; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "panic(") {
			break
		}
	}
	for i++; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "runtime.") || l == "" {
			continue
		}
		return l, strings.HasPrefix(l, "github.com/actionplan/actionplan/extract.")
	}
	return "", false
}

// watchPanics fails t when a page recover sees a runtime error of ours.
func watchPanics(t *testing.T) {
	pagePanicHook = func(r any) {
		if _, ok := r.(runtime.Error); !ok {
			return
		}
		if fn, own := ownPanic(); own {
			t.Errorf("runtime error in our code at %s: %v\n%s", fn, r, debug.Stack())
		}
	}
	t.Cleanup(func() { pagePanicHook = nil })
}

var fuzzOptions = Options{Timeout: 10 * time.Second, MaxOps: 200_000, MaxGlyphs: 50_000, MaxPages: 20}

func FuzzCMap(f *testing.F) {
	f.Add([]byte(cmapSource))
	f.Add([]byte("1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfrange <20> <7E> <0020> <80> <82> [<0041> /Euro (x)] endbfrange"))
	f.Add([]byte("1 begincidrange <0000> <FFFF> 0 endcidrange 1 begincidchar <41> 65 endcidchar"))
	f.Add([]byte("<< /A [ ( \\( nested ) ] >> <0F0 /N% comment\n usecmap"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cm := parseCMapBytes(data, 100_000)
		for _, s := range []string{"\x00", "A", "\x00A", "\xff\xff", "\x01\x02\x03\x04\x05"} {
			n := cm.codeLen(s, 2)
			if n < 1 {
				t.Fatalf("codeLen(%q) = %d", s, n)
			}
			if n > len(s) {
				n = len(s)
			}
			c, k := codeOf(s[:n])
			cm.lookup(k, c)
			cm.cidOf(k, c)
		}
	})
}

func FuzzContentStream(f *testing.F) {
	for _, s := range []string{
		"BT /F1 10 Tf 100 700 Td [(AB) -500 (CD)] TJ ET",
		"BT /F1 10 Tf 2 Tc 5 Tw 50 Tz 14 TL 3 Ts 100 700 Td (A B) Tj T* (C) ' 1 2 (D) \" ET",
		"q 2 0 0 2 0 0 cm 10 10 m 110 10 l S Q 50 300 200 1 re f 0 0 100 100 re W n",
		"BT /F1 10 Tf 0 1 -1 0 300 100 Tm (Up) Tj ET /X1 Do BI /W 1 /H 1 ID x EI",
		"q q q Q Q Q Q BT ET ET 1 0 0 1 1e300 1e300 cm (x) Tj",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		watchPanics(t)
		// Straight to the interpreter: the fixture's xref is exact, so
		// ledongthuc/pdf opens it without the gate, which is slow.
		data := onePage(string(content))
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Skip(err)
		}
		opt := fuzzOptions.withDefaults()
		pg, _, _ := readPage(1, r.Page(1), &opt, newReading(context.Background(), &opt))
		var b bytes.Buffer
		if err := WritePages(&b, &Document{Pages: []Page{pg}}); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzExtract(f *testing.F) {
	f.Add(onePage("BT /F1 10 Tf 100 700 Td (Hello) Tj ET"))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	d := newPW()
	tu := d.stream("", cmapSource)
	cid := d.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /T /DW 1000 /W [1 [500 600] 3 4 250] >>")
	font := d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /T /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, tu))
	p := d.page("BT /F2 10 Tf 100 700 Td <00010002> Tj ET", fmt.Sprintf("<< /Font << /F2 %d 0 R >> >>", font), "/Rotate 90")
	f.Add(d.bytes(p))
	// Small corpus files, when present.
	files, _ := filepath.Glob(filepath.Join("..", "corpus", "pdf", "*.pdf"))
	for _, name := range files {
		if st, err := os.Stat(name); err == nil && st.Size() <= 40<<10 {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchPanics(t)
		doc := Bytes(context.Background(), "fuzz.pdf", data, fuzzOptions)
		if doc.Outcome == OutcomeError && doc.Err == nil {
			t.Fatal("error outcome without an error")
		}
		var b bytes.Buffer
		if err := WritePages(&b, doc); err != nil {
			t.Fatal(err)
		}
	})
}
