package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Review is what a truth file says the document is.
type Review struct {
	Type      string `json:"type"`
	Area      string `json:"area"`
	Pseudonym string `json:"pseudonym"`
}

// Record is one expected action record. RecommendationNumber is set only for
// plans whose recommendations are band rows.
type Record struct {
	Number               string            `json:"number"`
	Recommendation       string            `json:"recommendation"`
	RecommendationNumber *string           `json:"recommendation_number,omitempty"`
	Action               string            `json:"action"`
	LeadAgency           string            `json:"lead_agency"`
	Status               string            `json:"status"`
	Cells                map[string]string `json:"cells"`
}

// Truth is one file of truth/: what a PDF should give.
type Truth struct {
	File    string   `json:"file"`
	Outcome string   `json:"outcome"`
	Review  Review   `json:"review"`
	Records []Record `json:"records"`
}

// Got is one action record as the extractor printed it. Only the keys the
// scorer compares are read; values of unexpected JSON types become text.
type Got struct {
	ReviewType           string
	Area                 string
	Pseudonym            string
	Number               string
	Recommendation       string
	RecommendationNumber string
	Action               string
	LeadAgency           string
	Status               string
	Cells                map[string]string
}

// loadTruths reads every truth/*.json under dir, sorted by file name.
func loadTruths(dir string) ([]Truth, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no truth files in %s", dir)
	}
	sort.Strings(paths)
	var out []Truth
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var t Truth
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if t.File == "" {
			return nil, fmt.Errorf("%s: no \"file\"", p)
		}
		out = append(out, t)
	}
	return out, nil
}

// parseJSONL reads action records, one JSON object a line. Lines that are not
// JSON objects (a tool's chatter) are skipped; a broken object is an error.
func parseJSONL(data []byte) ([]Got, error) {
	var out []Got
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] != '{' {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			return out, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, gotFrom(m))
	}
	return out, sc.Err()
}

func gotFrom(m map[string]any) Got {
	g := Got{
		ReviewType:           str(m["review_type"]),
		Area:                 str(m["area"]),
		Pseudonym:            str(m["pseudonym"]),
		Number:               str(m["number"]),
		Recommendation:       str(m["recommendation"]),
		RecommendationNumber: str(m["recommendation_number"]),
		Action:               str(m["action"]),
		LeadAgency:           str(m["lead_agency"]),
		Status:               str(m["status"]),
		Cells:                map[string]string{},
	}
	if cells, ok := m["cells"].(map[string]any); ok {
		for k, v := range cells {
			g.Cells[k] = str(v)
		}
	}
	return g
}

// str turns a decoded JSON value into text: null is "", numbers print as
// written, lists of strings join with newlines.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strings.TrimSuffix(fmt.Sprintf("%g", x), ".0")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = str(e)
		}
		return strings.Join(parts, "\n")
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}
