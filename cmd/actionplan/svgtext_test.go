package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/actionplan/actionplan/extract"
)

// TestSVGWordWidths draws every page of the seed plan and checks that each
// word is fitted to the width the PDF gives it: textLength times the
// horizontal scale equals the word's PDF width, from its PDF position.
func TestSVGWordWidths(t *testing.T) {
	requireSeed(t)
	doc := extract.File(context.Background(), seedPDF, extract.Options{})
	checked := 0
	for _, p := range doc.Pages {
		var want []extract.Word
		for _, ls := range [][]extract.Line{p.Lines, p.Furniture} {
			for _, l := range ls {
				want = append(want, l.Words...)
			}
		}
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		drawPage(w, doc, p, nil)
		w.Flush()
		got := drawnWords(t, buf.Bytes())
		if len(got) != len(want) {
			t.Fatalf("page %d: %d words drawn fitted, want %d", p.Number, len(got), len(want))
		}
		for i, g := range got {
			wd := want[i]
			pdfLen := math.Max(wd.X1-wd.X0, 0.5)
			if turnOf(wd) != 0 {
				pdfLen = math.Max(wd.Bottom-wd.Top, 0.5)
			} else if math.Abs(g.x-wd.X0) > 0.01 {
				t.Errorf("page %d word %q drawn from x %.2f, PDF has %.2f", p.Number, wd.Text, g.x, wd.X0)
			}
			if g.x < wd.X0-0.01 || g.x > wd.X1+0.01 || g.y < wd.Top-0.01 || g.y > wd.Bottom+0.01 || math.Abs(g.width-pdfLen) > 0.02 {
				t.Errorf("page %d word %q: drawn from (%.2f, %.2f), %.3f long; PDF box x %.2f-%.2f y %.2f-%.2f, %.3f long",
					p.Number, wd.Text, g.x, g.y, g.width, wd.X0, wd.X1, wd.Top, wd.Bottom, pdfLen)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d words checked", checked)
	}
}

type drawnWord struct{ x, y, width float64 }

// drawnWords reads each fitted word of an SVG page: where its transform
// puts its origin, and its textLength times the scale of its transform
// along its advance.
func drawnWords(t *testing.T, svg []byte) []drawnWord {
	t.Helper()
	var out []drawnWord
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "text" {
			continue
		}
		a := map[string]string{}
		for _, at := range se.Attr {
			a[at.Name.Local] = at.Value
		}
		if a["lengthAdjust"] == "" {
			continue
		}
		m := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(a["transform"], "matrix("), ")"))
		if len(m) != 6 {
			t.Fatalf("word without a transform: %v", se)
		}
		var v [6]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i], 64)
		}
		x, _ := strconv.ParseFloat(a["x"], 64)
		y, _ := strconv.ParseFloat(a["y"], 64)
		tl, _ := strconv.ParseFloat(a["textLength"], 64)
		out = append(out, drawnWord{x: v[0]*x + v[2]*y + v[4], y: v[1]*x + v[3]*y + v[5], width: tl * math.Hypot(v[0], v[1])})
	}
}

// TestSVGFlags: a flag is drawn on the page it concerns, and on every page
// when it concerns the whole document; the table it names is outlined.
func TestSVGFlags(t *testing.T) {
	requireSeed(t)
	doc := extract.File(context.Background(), seedPDF, extract.Options{})
	flags := []extract.Flag{{Code: "page_two_doubt", Page: 2, Table: 1, Detail: "x"}, {Code: "whole_doc_doubt"}}
	for _, p := range doc.Pages[:3] {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		drawPage(w, doc, p, flags)
		w.Flush()
		s := buf.String()
		if got := strings.Contains(s, "page_two_doubt (table 1): x"); got != (p.Number == 2) {
			t.Errorf("page %d: page 2's flag drawn %v", p.Number, got)
		}
		if got := strings.Contains(s, "flagged table 1"); got != (p.Number == 2) {
			t.Errorf("page %d: table outline drawn %v", p.Number, got)
		}
		if !strings.Contains(s, "whole_doc_doubt") {
			t.Errorf("page %d lacks the document's flag", p.Number)
		}
	}
}
