package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// testPlan describes a one-page PDF made for the tests: a title and a ruled
// action-plan table, drawn in Helvetica with no embedded font.
type testPlan struct {
	title []string
	rows  [][]string // cells under planHeader
	prose bool       // no table at all: a page of prose
}

var planHeader = []string{"Recommendation", "Action to take", "Lead Agency", "Target Date", "Status"}

// colX are the column edges of the table, in points on an A4 landscape page.
var colX = []float64{40, 230, 420, 560, 680, 800}

// pdfBytes renders the plan into a minimal, valid PDF.
func (p testPlan) pdfBytes() []byte {
	var c strings.Builder
	y := 540.0
	for _, t := range p.title {
		fmt.Fprintf(&c, "BT /F1 14 Tf %.1f %.1f Td (%s) Tj ET\n", colX[0], y, pdfEscape(t))
		y -= 20
	}
	y -= 10
	if p.prose {
		for _, r := range p.rows {
			fmt.Fprintf(&c, "BT /F1 11 Tf %.1f %.1f Td (%s) Tj ET\n", colX[0], y, pdfEscape(strings.Join(r, " ")))
			y -= 16
		}
		return pdfDocument(c.String(), p.title)
	}
	lines := append([][]string{planHeader}, p.rows...)
	top := y
	for _, cells := range lines {
		rowTop := y
		for i, cell := range cells {
			fmt.Fprintf(&c, "BT /F1 9 Tf %.1f %.1f Td (%s) Tj ET\n", colX[i]+4, rowTop-12, pdfEscape(cell))
		}
		fmt.Fprintf(&c, "0.5 w %.1f %.1f m %.1f %.1f l S\n", colX[0], rowTop, colX[len(colX)-1], rowTop)
		y -= 20
	}
	fmt.Fprintf(&c, "0.5 w %.1f %.1f m %.1f %.1f l S\n", colX[0], y, colX[len(colX)-1], y)
	for _, x := range colX {
		fmt.Fprintf(&c, "0.5 w %.1f %.1f m %.1f %.1f l S\n", x, top, x, y)
	}
	return pdfDocument(c.String(), p.title)
}

// pdfDocument wraps one page's content stream into a PDF file.
func pdfDocument(content string, title []string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		fmt.Sprintf("<< /Title (%s) /Producer (actionplan tests) >>", pdfEscape(strings.Join(title, " "))),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

// samplePlan is plan number n: a DHR with three recommendations.
func samplePlan(n int) testPlan {
	return testPlan{
		title: []string{fmt.Sprintf("Domestic Homicide Review (TEST DHR%02d)", n),
			fmt.Sprintf("Action Plan Anna%d (pseudonym) March 2021", n)},
		rows: [][]string{
			{"1. Train staff on coercive control", "Deliver training", "Test Police", "March 2021", "Completed"},
			{"2. Share information with housing", "Agree a protocol", "Test Council", "June 2022", "Ongoing"},
			{"3. Review the referral pathway", "Audit referrals", "Test NHS Trust", "2030", "Not started"},
		},
	}
}

func writeTestFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteSamplePDF(t *testing.T) {
	out := os.Getenv("ACTIONPLAN_SAMPLE_PDF")
	if out == "" {
		t.Skip("set ACTIONPLAN_SAMPLE_PDF=FILE to write a sample plan PDF")
	}
	writeTestFile(t, out, samplePlan(1).pdfBytes())
}
