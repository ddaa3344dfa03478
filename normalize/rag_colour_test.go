package normalize

import (
	"testing"

	"github.com/actionplan/actionplan/extract"
)

func TestColourRAG(t *testing.T) {
	cases := map[string]string{
		"#92d050": "green", "#00b050": "green", "#008000": "green",
		"#ffc000": "amber", "#ff9900": "amber", "#ffbf00": "amber",
		"#ff0000": "red", "#c00000": "red", "#e6b8b7": "",
		"#ffff00": "yellow", "#0070c0": "blue",
		"#d9d9d9": "", "#ffffff": "", "#000000": "", "bad": "", "#12345": "",
	}
	for in, want := range cases {
		if got := ColourRAG(in); got != want {
			t.Errorf("ColourRAG(%q) = %q, want %q", in, got, want)
		}
	}
}

// A RAG given by shading alone is kept, and gives a status through the
// plan's legend.
func TestShadedRAG(t *testing.T) {
	n, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	words := func(ss ...string) extract.Line {
		var l extract.Line
		for _, s := range ss {
			l.Words = append(l.Words, extract.Word{Text: s})
		}
		return l
	}
	doc := &extract.Document{File: "shaded.pdf", Pages: []extract.Page{{Number: 1,
		Lines: []extract.Line{words("Key:", "Green", "=", "complete;", "Red", "=", "not", "started")}}}}
	doc.Tables = []extract.Table{{IsPlan: true, Columns: []string{"Recommendation", "Lead agency", "RAG"},
		Rows: []extract.Row{
			{Seq: 1, Cells: []string{"Publish the review.", "Safer Sefton Together", ""}, Fills: []string{"", "", "#92d050"}},
			{Seq: 2, Cells: []string{"Audit referrals.", "Merseyside Police", ""}, Fills: []string{"", "", "#ff0000"}},
			{Seq: 3, Cells: []string{"Train staff.", "Merseyside Police", ""}},
		}}}
	recs := n.Document(doc).Records
	want := [][2]string{{"green", "completed"}, {"red", "not_started"}, {"", ""}}
	for i, r := range recs {
		if r.RAG != want[i][0] || r.Status != want[i][1] {
			t.Errorf("row %d: rag %q status %q, want %q %q", i+1, r.RAG, r.Status, want[i][0], want[i][1])
		}
	}
}
