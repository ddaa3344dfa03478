package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Fuzz targets for the reader's repairs of the file structure: the page
// tree walk and rebuild (pagetree.go), the flattening of deep nesting
// (nesting.go) and the /Length repair, through the gate and the page list
// the interpreter reads.

// treeFile builds a file from spec: each byte pair (kind, kids) makes one
// node, object 3 onwards. A node is a page when kind is even, else a
// page-tree node whose /Kids are drawn from kids's bits over every node,
// the root (object 2) included: loops, pages listed twice, a page as a
// parent, missing and wrong counts all arise.
func treeFile(spec []byte) ([]byte, int) {
	if len(spec) > 40 {
		spec = spec[:40]
	}
	n := len(spec) / 2
	d := newPW()
	first := len(d.objs) + 1
	content := first + n // one content stream shared by every page
	pages := 0
	kidsOf := func(bits byte, self int) string {
		var k []string
		for j := 0; j < 8; j++ {
			if bits&(1<<j) == 0 {
				continue
			}
			target := 2 // the root
			if j < n {
				target = first + (j+self)%n
			}
			k = append(k, fmt.Sprintf("%d 0 R", target))
		}
		return strings.Join(k, " ")
	}
	for i := 0; i < n; i++ {
		kind, bits := spec[2*i], spec[2*i+1]
		if kind%2 == 0 {
			pages++
			d.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents %d 0 R >>", content))
			continue
		}
		d.add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kidsOf(bits, i), int(kind)/16))
	}
	d.stream("", "BT /F1 10 Tf 100 700 Td (Hello) Tj ET")
	root := ""
	if n > 0 {
		root = kidsOf(spec[1]|1, 0)
	}
	d.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
		root, pages)
	return d.raw(), pages
}

func FuzzPageTree(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0x03, 0, 0})          // a node over two pages
	f.Add([]byte{1, 0xff, 0, 0, 0, 0, 1, 0x81}) // kids back to the root
	f.Add([]byte{1, 0x01, 1, 0x02, 0, 0})       // a node that is its own kid
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0})       // pages only
	opt := fuzzOptions.withDefaults()
	f.Fuzz(func(t *testing.T, spec []byte) {
		watchPanics(t)
		data, _ := treeFile(spec)
		conf := model.NewDefaultConfiguration()
		conf.ValidationMode = model.ValidationRelaxed
		ctx, err := api.ReadContext(bytes.NewReader(data), conf)
		if err != nil {
			return
		}
		if _, _, err := repairPageTree(ctx.XRefTable); err != nil {
			return
		}
		// Rebuilt (or found sound): a second walk finds nothing to repair,
		// so no page is listed twice, no loop is left, and /Count is right.
		if _, again, err := repairPageTree(ctx.XRefTable); err != nil || len(again) > 0 {
			t.Fatalf("a second walk: %v %q", err, again)
		}
		cat, _ := ctx.XRefTable.Catalog()
		root, _ := ctx.XRefTable.DereferenceDict(cat["Pages"])
		want := *root.IntEntry("Count")
		g, err := gate(context.Background(), data, &opt)
		if err != nil {
			return
		}
		if got := len(pageList(g.reader, 100_000)); got != want && g.meta.Pages == want {
			t.Fatalf("%d pages listed, /Count %d", got, want)
		}
	})
}

func FuzzFlattenDeep(f *testing.F) {
	f.Add([]byte("1 0 obj << /A [[[1]]] /S (a[b) >> endobj"))
	f.Add([]byte(strings.Repeat("[", 70) + strings.Repeat("]", 70)))
	f.Add([]byte("<< /Length 3 >>\nstream\n[[[\nendstream\n" + strings.Repeat("<<", 70) + strings.Repeat(">>", 70)))
	f.Add([]byte("% [[[\n<5b5b> (\\() [ ] endobj ]]]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		out, n := flattenDeep(data)
		if !bytes.Equal(in, data) {
			t.Fatal("the input was changed")
		}
		if len(out) != len(data) {
			t.Fatalf("length %d, want %d: offsets would move", len(out), len(data))
		}
		if n == 0 && !bytes.Equal(out, data) {
			t.Fatal("nothing flattened, yet the bytes differ")
		}
		for i := range out {
			if out[i] != data[i] && !strings.ContainsRune("null0 ", rune(out[i])) {
				t.Fatalf("byte %d became %q", i, out[i])
			}
		}
		if again, m := flattenDeep(out); m != 0 {
			t.Fatalf("a second pass flattened %d more (%q)", m, again)
		}
	})
}

// FuzzObjects feeds whole files, seeded with the structures the gate
// repairs, through the gate and the page reader under a short time bound.
func FuzzObjects(f *testing.F) {
	loop, _ := treeFile([]byte{1, 0xff, 0, 0, 0, 0, 1, 0x81})
	f.Add(loop)
	d := newPW()
	p := d.page("BT /F1 10 Tf 100 700 Td (Deep) Tj ET", "<< >>", "/Junk "+strings.Repeat("[", 200)+strings.Repeat("]", 200))
	f.Add(d.bytes(p))
	d = newPW()
	c := d.add("<< /Length 5 >>\nstream\nBT /F1 10 Tf 100 700 Td (Short length) Tj ET\nendstream")
	p = d.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents %d 0 R >>", c))
	f.Add(d.bytes(p))
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	opt := Options{Timeout: 5 * time.Second, MaxPages: 20, MaxOps: 100_000, MaxGlyphs: 20_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchPanics(t)
		doc := Bytes(context.Background(), "fuzz.pdf", data, opt)
		if doc.Outcome == OutcomeError && doc.Err == nil {
			t.Fatal("error outcome without an error")
		}
		if doc.PagesRead > len(doc.Pages) || len(doc.Pages) > 20 {
			t.Fatalf("%d pages read, %d kept", doc.PagesRead, len(doc.Pages))
		}
	})
}
