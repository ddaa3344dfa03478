package bad

import (
	"bytes"
	"fmt"
	"strings"
)

// file is a PDF being written: numbered objects, written in order, with a
// classic cross-reference table. Object 1 is the catalog and 2 the page
// tree unless a case writes them otherwise.
type file struct {
	objs    [][]byte // object bodies; object number = index+1
	trailer string   // extra trailer entries
}

func newFile() *file {
	return &file{objs: [][]byte{[]byte("<< /Type /Catalog /Pages 2 0 R >>"), nil}}
}

// add stores an object body and returns its number.
func (f *file) add(body string) int { return f.addBytes([]byte(body)) }

func (f *file) addBytes(body []byte) int {
	f.objs = append(f.objs, body)
	return len(f.objs)
}

// set replaces object n's body.
func (f *file) set(n int, body string) { f.objs[n-1] = []byte(body) }

// stream stores a stream object: dict holds extra entries; /Length is the
// data's length.
func (f *file) stream(dict string, data []byte) int {
	return f.addBytes(streamObj(dict, len(data), data))
}

func streamObj(dict string, length int, data []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< %s /Length %d >>\nstream\n", dict, length)
	b.Write(data)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// helvetica is the resource dictionary of the pages: Helvetica, not embedded.
const helvetica = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"

// page adds a page object under parent with the given content object and
// resources, plus extra entries.
func (f *file) page(parent, content int, resources, extra string) int {
	return f.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 842 595] /Resources %s /Contents %d 0 R %s >>",
		parent, resources, content, extra))
}

// pages writes object 2 as the flat page tree over kids.
func (f *file) pages(kids ...int) {
	f.set(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", refs(kids), len(kids)))
}

func refs(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprintf("%d 0 R", n)
	}
	return strings.Join(s, " ")
}

// bytes writes the file: header, objects, xref table, trailer.
func (f *file) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(f.objs))
	for i, o := range f.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(f.objs)+1, f.trailer, x)
	return b.Bytes()
}

// planHeader labels the columns of the plan every readable case carries.
var planHeader = []string{"Recommendation", "Action to take", "Lead Agency", "Target Date", "Status"}

var colX = []float64{40, 230, 420, 560, 680, 800}

// planContent draws a titled, ruled action plan of three rows: what a
// reader must still find in a hostile file.
func planContent(title string) []byte {
	var c strings.Builder
	fmt.Fprintf(&c, "BT /F1 14 Tf 40 540 Td (%s) Tj ET\n", esc(title))
	rows := [][]string{planHeader,
		{"1. Train staff on coercive control", "Deliver training", "Test Police", "March 2021", "Completed"},
		{"2. Share information with housing", "Agree a protocol", "Test Council", "June 2022", "Ongoing"},
		{"3. Review the referral pathway", "Audit referrals", "Test NHS Trust", "2030", "Not started"},
	}
	y := 500.0
	top := y
	for _, cells := range rows {
		for i, cell := range cells {
			fmt.Fprintf(&c, "BT /F1 9 Tf %.1f %.1f Td (%s) Tj ET\n", colX[i]+4, y-12, esc(cell))
		}
		fmt.Fprintf(&c, "0.5 w %.1f %.1f m %.1f %.1f l S\n", colX[0], y, colX[5], y)
		y -= 20
	}
	fmt.Fprintf(&c, "0.5 w %.1f %.1f m %.1f %.1f l S\n", colX[0], y, colX[5], y)
	for _, x := range colX {
		fmt.Fprintf(&c, "0.5 w %.1f %.1f m %.1f %.1f l S\n", x, top, x, y)
	}
	return []byte(c.String())
}

// PlanRows is the number of action rows planContent draws.
const PlanRows = 3

func esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}
