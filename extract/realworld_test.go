package extract

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

var sharedDir = flag.String("shared", filepath.Join("..", "..", "shared"), "folder holding realworld/ (PDFs to compare with pdftotext)")

// realworldTarget is the weighted word F1 our text layer must reach against
// pdftotext on the realworld folder.
const realworldTarget = 0.97

// TestRealworldAgreement runs our text layer over every PDF in
// <shared>/realworld and compares its words with pdftotext's: a multiset F1
// of whitespace-separated, NFKC-normalised words per file, weighted by the
// number of pdftotext's words.
func TestRealworldAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the realworld comparison takes about 20 seconds")
	}
	dir := filepath.Join(*sharedDir, "realworld")
	files, _ := filepath.Glob(filepath.Join(dir, "*.[pP][dD][fF]"))
	if len(files) == 0 {
		t.Skipf("no PDFs in %s (pass -shared DIR, the folder that holds realworld/)", dir)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	sort.Strings(files)
	var weighted, total float64
	type low struct {
		name string
		f1   float64
	}
	var lows []low
	for _, path := range files {
		name := filepath.Base(path)
		ref, err := popplerText(path)
		if err != nil {
			t.Logf("%-45s pdftotext failed (%v): skipped", name, err)
			continue
		}
		ours, err := ourText(path, 60*time.Second)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		a, b := wordBag(ref), wordBag(ours)
		f1, na, nb := bagF1(a, b)
		t.Logf("%-45s ref=%6d ours=%6d f1=%.3f", name, na, nb, f1)
		if na == 0 && nb > 0 {
			t.Errorf("%s: pdftotext finds no words, we find %d", name, nb)
		}
		weighted += f1 * float64(na)
		total += float64(na)
		lows = append(lows, low{name, f1})
	}
	if total == 0 {
		t.Skip("no file with text")
	}
	sort.Slice(lows, func(i, j int) bool { return lows[i].f1 < lows[j].f1 })
	for i := 0; i < len(lows) && i < 5; i++ {
		t.Logf("worst %d: %s %.3f", i+1, lows[i].name, lows[i].f1)
	}
	w := weighted / total
	t.Logf("weighted F1 over %d files: %.4f (target %.2f)", len(files), w, realworldTarget)
	if w < realworldTarget {
		t.Errorf("weighted F1 %.4f below %.2f", w, realworldTarget)
	}
}

func popplerText(path string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "pdftotext", "-q", path, "-")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil && out.Len() == 0 {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", nil // poppler cannot read it either: no words
		}
		return "", err
	}
	return out.String(), nil
}

// ourText extracts path under a timeout and renders it like pdftotext. A
// timeout or a panic is an error; a file we cannot read gives no text.
func ourText(path string, timeout time.Duration) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r)
		}
	}()
	done := make(chan *Document, 1)
	go func() {
		done <- File(context.Background(), path, Options{Timeout: timeout})
	}()
	var doc *Document
	select {
	case doc = <-done:
	case <-time.After(timeout + 10*time.Second):
		return "", errors.New("hung: no result after the timeout")
	}
	if doc.Outcome == OutcomeError && doc.Err != nil && strings.Contains(doc.Err.Error(), "gave up after") {
		return "", doc.Err
	}
	var b bytes.Buffer
	if err := WritePages(&b, doc); err != nil {
		return "", err
	}
	return b.String(), nil
}

func wordBag(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.Fields(norm.NFKC.String(s)) {
		m[w]++
	}
	return m
}

// bagF1 is the multiset F1 of b against the reference a, with the sizes of
// both; two empty bags agree fully.
func bagF1(a, b map[string]int) (f1 float64, na, nb int) {
	inter := 0
	for w, n := range a {
		na += n
		inter += min(n, b[w])
	}
	for _, n := range b {
		nb += n
	}
	if na+nb == 0 {
		return 1, 0, 0
	}
	return 2 * float64(inter) / float64(na+nb), na, nb
}

func TestBagF1(t *testing.T) {
	f1, _, _ := bagF1(wordBag("a b b c"), wordBag("a b c d"))
	if f1 < 0.749 || f1 > 0.751 {
		t.Errorf("f1 = %v, want 0.75", f1)
	}
	if f1, _, _ := bagF1(wordBag(""), wordBag(" \f")); f1 != 1 {
		t.Errorf("empty bags: f1 = %v, want 1", f1)
	}
	if f1, _, _ := bagF1(wordBag("ﬁ"), wordBag("fi")); f1 != 1 {
		t.Errorf("NFKC: f1 = %v, want 1", f1)
	}
}

func TestSymbolNames(t *testing.T) {
	for name, want := range map[string]string{"arrowdblright": "⇒", "asteriskmath": "∗", "Alpha": "Α", "theta1": "ϑ", "integralbt": "⌡", "bracerightbt": "\uf8fe"} {
		if got, _ := glyphText(name); got != want {
			t.Errorf("glyphText(%q) = %q, want %q", name, got, want)
		}
	}
}
