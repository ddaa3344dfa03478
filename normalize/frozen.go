package normalize

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The shipped registry is built by rule from data/*.tsv (buildRegistry):
// every council area's services and partnerships in each of their name
// forms, 65,000 keys in all. Building it took a fifth of a second, paid by
// every command that normalizes (a one-page inspect among them), so it is
// built once, at development time, and written out frozen:
//
//	go generate ./normalize
//
// which runs TestFrozenRegistry with -update. The same test, without the
// flag, fails when data/registry.frozen no longer matches what the rules
// build from data/*.tsv.
//
//go:generate go test -tags sqlite_fts5 -run ^TestFrozenRegistry$ -update .

//go:embed data/registry.frozen
var frozenData string

// The file is a few comment lines ("#"), then sections, each a line
// "@name count" and count lines of tab-separated fields:
//
//	@entries   canonical, sector, successor, part of, names ("|"-separated)
//	@areas     name, code, tier, council, force area, force, PCC, ICB
//	@area-keys key, index of its area in @areas
//	@area-names name
//	@abbrevs   abbreviation, area
//	@councils  council, area
//	@former    key, entry
//	@vocab     word
//	@ctx       area key, key, entry
//	@keys      key, entry (-1 when ambiguous), the name that set it: "j",
//	           the entry's j-th name, or "i.j", entry i's
//
// @keys comes last and is not read into maps: a lineIndex over it answers
// exact, bag and keyName lookups.
var frozenKeys = sync.OnceValue(func() *lineIndex {
	_, keys, _ := strings.Cut(frozenData, "\n@keys ")
	return newLineIndex(keys[strings.IndexByte(keys, '\n')+1:])
})

// frozenReader reads the sections of the frozen registry in order.
type frozenReader struct {
	s   string
	err error
}

func (f *frozenReader) line() string {
	i := strings.IndexByte(f.s, '\n')
	if i < 0 {
		l := f.s
		f.s = ""
		return l
	}
	l := f.s[:i]
	f.s = f.s[i+1:]
	return l
}

// section reads the header of the named section and returns each of its
// lines split into n fields.
func (f *frozenReader) section(name string, n int, each func(fs []string)) {
	if f.err != nil {
		return
	}
	for strings.HasPrefix(f.s, "#") {
		f.line()
	}
	h, cnt, _ := strings.Cut(f.line(), " ")
	count, err := strconv.Atoi(cnt)
	if h != "@"+name || err != nil {
		f.err = fmt.Errorf("frozen registry: want section %s, have %q", name, h)
		return
	}
	fs := make([]string, n)
	for range count {
		l := f.line()
		for i := range n - 1 {
			fs[i], l, _ = strings.Cut(l, "\t")
		}
		fs[n-1] = l
		each(fs)
	}
}

func (f *frozenReader) atoi(s string) int {
	v, err := strconv.Atoi(s)
	if err != nil && f.err == nil {
		f.err = fmt.Errorf("frozen registry: %w", err)
	}
	return v
}

// thawRegistry returns the shipped registry from its frozen form: a few
// thousand map entries and one lineIndex, a few milliseconds.
func thawRegistry() (*Registry, error) {
	r := newRegistry(0)
	f := &frozenReader{s: frozenData}
	f.section("entries", 5, func(fs []string) {
		id := len(r.entries)
		r.entries = append(r.entries, Entry{Canonical: fs[0], Sector: fs[1], Successor: fs[2], PartOf: fs[3]})
		r.byName[fs[0]] = id
		var names []string
		if fs[4] != "" {
			names = strings.Split(fs[4], "|")
		}
		r.names = append(r.names, names)
	})
	var areas []*Area
	f.section("areas", 8, func(fs []string) {
		areas = append(areas, &Area{Name: fs[0], Code: fs[1], Tier: fs[2], Council: fs[3], ForceArea: fs[4], Force: fs[5], PCC: fs[6], ICB: fs[7]})
	})
	f.section("area-keys", 2, func(fs []string) {
		if i := f.atoi(fs[1]); i >= 0 && i < len(areas) {
			r.areas[fs[0]] = areas[i]
		} else if f.err == nil {
			f.err = fmt.Errorf("frozen registry: area %d of %d", i, len(areas))
		}
	})
	f.section("area-names", 1, func(fs []string) { r.areaNames = append(r.areaNames, fs[0]) })
	f.section("abbrevs", 2, func(fs []string) { r.abbrevs[fs[0]] = fs[1] })
	f.section("councils", 2, func(fs []string) { r.councilArea[fs[0]] = fs[1] })
	f.section("former", 2, func(fs []string) { r.formerKey[fs[0]] = f.atoi(fs[1]) })
	f.section("vocab", 1, func(fs []string) { r.vocab[fs[0]] = true })
	f.section("ctx", 3, func(fs []string) {
		if r.ctx[fs[0]] == nil {
			r.ctx[fs[0]] = map[string]int{}
		}
		r.ctx[fs[0]][fs[1]] = f.atoi(fs[2])
	})
	if f.err == nil && !strings.HasPrefix(f.s, "@keys ") {
		f.err = fmt.Errorf("frozen registry: no @keys section")
	}
	if f.err != nil {
		return nil, f.err
	}
	r.frozen = frozenKeys()
	return r, nil
}
