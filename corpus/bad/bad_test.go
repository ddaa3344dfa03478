package bad

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"strconv"
	"testing"
)

// TestBombInflates checks that a bomb is a valid zlib stream of the size it
// claims, checksum included.
func TestBombInflates(t *testing.T) {
	head := []byte("BT (x) Tj ET\n")
	z := bomb(head, 8)
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("inflate: %v", err)
	}
	if want := len(head) + 8<<20; len(got) != want {
		t.Fatalf("inflated %d bytes, want %d", len(got), want)
	}
	if !bytes.HasPrefix(got, head) || bytes.Count(got, []byte{' '}) < 8<<20 {
		t.Fatal("wrong contents")
	}
}

// TestWrite writes the cases where BAD_DIR says (for trying them by hand),
// and BAD_BOMB_COPIES distinct copies of each bomb (make rss).
func TestWrite(t *testing.T) {
	dir := os.Getenv("BAD_DIR")
	if dir == "" {
		t.Skip("set BAD_DIR=folder to write the hostile cases there")
	}
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(os.Getenv("BAD_BOMB_COPIES")); n > 0 {
		if err := WriteBombs(dir, n); err != nil {
			t.Fatal(err)
		}
	}
}
