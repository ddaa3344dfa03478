package normalize

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Entry is one body of the registry.
type Entry struct {
	Canonical string
	Sector    string
	Successor string // the body that took on its duties, for an abolished one
	PartOf    string // the body a service or team belongs to ("Victim Support")
}

// Registry is the curated list of agencies and areas. Names are matched by
// key (names.go): exact first, then order-free.
type Registry struct {
	entries     []Entry
	byName      map[string]int            // canonical -> entry
	exact       map[string]int            // name key -> entry, -1 when ambiguous
	bag         map[string]int            // bag key -> entry, -1 when ambiguous
	curated     map[string]bool           // keys set by a curated line, which rules never override
	ctx         map[string]map[string]int // area key -> name key -> entry, names valid only in that area
	areas       map[string]*Area          // area key -> area
	areaNames   []string                  // every area name and alias, for finding areas in titles
	abbrevs     map[string]string         // "KMBC" -> "Knowsley"
	councilArea map[string]string         // council canonical name -> its area
	names       [][]string                // entry -> every name given to it, in load order
	keyName     map[string]string         // name key -> the name that set it, for Agency.MatchedName
	formerKey   map[string]int            // name key of a former name ("<" in the data) -> the body it was
	user        bool                      // loading a user's alias file, whose names win
	vocab       map[string]bool           // every word of a key of exact, bag and ctx: couldMatch
	// frozen holds the keys of the shipped registry (frozen.go): a key's
	// line gives its entry (exact, bag) and the name that set it (keyName).
	// exact, bag and keyName then hold only what user files add, and are
	// looked up first.
	frozen *lineIndex
}

// Area is a local authority area with the bodies that serve it.
type Area struct {
	Name      string
	Code      string // ONS code of the local authority ("E08000011"); "" for a wider area
	Tier      string // unitary, county, district, metropolitan, london_borough, welsh_principal; "" for a wider area
	Council   string // the council's canonical name
	ForceArea string // "Merseyside"
	Force     string // "Merseyside Police"
	PCC       string
	ICB       string
}

// LoadRegistry returns the shipped registry (thawed from its frozen form,
// frozen.go), then reads each user alias file (same format as
// data/agencies.tsv) into it.
func LoadRegistry(aliasFiles ...string) (*Registry, error) {
	r, err := thawRegistry()
	if err != nil {
		return nil, err
	}
	r.user = true
	for _, f := range aliasFiles {
		if err := r.loadFile(f); err != nil {
			return nil, err
		}
	}
	r.user = false
	return r, nil
}

func newRegistry(keys int) *Registry {
	return &Registry{byName: make(map[string]int, 4096), exact: make(map[string]int, keys), bag: make(map[string]int, keys),
		curated: make(map[string]bool, 2*keys), ctx: map[string]map[string]int{}, areas: make(map[string]*Area, 512), abbrevs: map[string]string{},
		councilArea: make(map[string]string, 512), keyName: make(map[string]string, 2*keys), formerKey: make(map[string]int, 1024), vocab: make(map[string]bool, 2048)}
}

// buildRegistry builds the shipped registry by its rules from data/*.tsv.
// It runs when the frozen registry is made (go generate) and in tests:
// expanding every area's bodies into their name forms, and keying each,
// takes a fifth of a second, which every start-up paid before.
func buildRegistry() (*Registry, error) {
	// The maps are made at about the size the shipped data gives them
	// (35,000 exact and as many order-free keys): growing them a step at a
	// time took a third of the time to load.
	r := newRegistry(40000)
	for _, f := range []string{"agencies.tsv", "trusts.tsv", "ccgs.tsv"} {
		if err := r.loadEmbedded(f, r.loadAgencies); err != nil {
			return nil, err
		}
	}
	r.trustShortNames()
	for _, step := range []struct {
		file string
		load func(io.Reader, string) error
	}{{"police.tsv", r.loadPolice}, {"icbs.tsv", r.loadICBs}, {"areas.tsv", r.loadAreas}} {
		if err := r.loadEmbedded(step.file, step.load); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *Registry) loadEmbedded(name string, load func(io.Reader, string) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	return load(f, name)
}

func (r *Registry) loadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("alias file: %w", err)
	}
	defer f.Close()
	return r.loadAgencies(f, path)
}

// eachRow calls fn with the tab-separated fields of every line that is not
// blank or a "#" comment, padded to n fields.
func eachRow(rd io.Reader, name string, n int, fn func(f []string) error) error {
	sc := bufio.NewScanner(rd)
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		for len(f) < n {
			f = append(f, "")
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// loadAgencies reads name, sector, aliases, successor, part of. An alias
// written "<Name" is a name the body was known by before a rename.
func (r *Registry) loadAgencies(rd io.Reader, name string) error {
	return eachRow(rd, name, 5, func(f []string) error {
		if strings.TrimSpace(f[0]) == "" {
			return fmt.Errorf("empty canonical name")
		}
		if s := strings.TrimSpace(f[1]); s != "" && !validSector[s] {
			return fmt.Errorf("unknown sector %q", s)
		}
		id := r.add(Entry{Canonical: strings.TrimSpace(f[0]), Sector: strings.TrimSpace(f[1]),
			Successor: strings.TrimSpace(f[3]), PartOf: strings.TrimSpace(f[4])})
		for _, a := range splitAliases(f[2]) {
			if former, ok := strings.CutPrefix(a, "<"); ok {
				a = strings.TrimSpace(former)
				r.formerKey[nameKey(a)] = id
			}
			r.alias(id, true, a)
		}
		return nil
	})
}

// add returns the entry of e.Canonical, creating it, or filling in a
// sector or successor it lacked.
func (r *Registry) add(e Entry) int {
	if id, ok := r.byName[e.Canonical]; ok {
		old := &r.entries[id]
		if old.Sector == "" {
			old.Sector = e.Sector
		}
		if old.Successor == "" {
			old.Successor = e.Successor
		}
		if old.PartOf == "" {
			old.PartOf = e.PartOf
		}
		return id
	}
	r.entries = append(r.entries, e)
	r.names = append(r.names, nil)
	id := len(r.entries) - 1
	r.byName[e.Canonical] = id
	r.alias(id, true, e.Canonical)
	return id
}

// alias maps names to an entry. A user's alias file beats everything; a
// curated name (from a data line) beats a name built by rule; two curated
// names for different bodies, or two rule names, make the key ambiguous,
// and it then matches nothing.
func (r *Registry) alias(id int, curated bool, names ...string) {
	for _, n := range names {
		k := nameKey(n)
		if k == "" {
			continue
		}
		r.names[id] = append(r.names[id], n)
		if r.setKey(r.exact, k, id, curated) {
			r.keyName[k] = n
		}
		if bk := "bag:" + bagKey(k); r.setKey(r.bag, bk, id, curated) {
			r.keyName[bk] = n
		}
	}
}

// setKey maps k to id under the rules above; it reports whether k now
// names id by this name (so that the name is the one shown as matched).
func (r *Registry) setKey(m map[string]int, k string, id int, curated bool) bool {
	r.addVocab(k)
	old, ok := r.keyID(m, k)
	switch {
	case !ok || r.user:
		m[k] = id
		r.curated[k] = curated
		return true
	case old == id:
		r.curated[k] = r.curated[k] || curated
	case r.curated[k] && !curated:
	case curated && !r.curated[k]:
		m[k], r.curated[k] = id, true
		return true
	default:
		m[k] = -1
	}
	return false
}

// keyID looks k up in exact or bag (m), then in the frozen keys.
func (r *Registry) keyID(m map[string]int, k string) (int, bool) {
	if id, ok := m[k]; ok {
		return id, true
	}
	if rest, ok := r.frozen.find(k); ok {
		f, _, _ := strings.Cut(rest, "\t")
		id, err := strconv.Atoi(f)
		return id, err == nil
	}
	return 0, false
}

// nameOfKey is the name that set key k (keyName), or "".
func (r *Registry) nameOfKey(k string) string {
	if n, ok := r.keyName[k]; ok {
		return n
	}
	rest, ok := r.frozen.find(k)
	if !ok {
		return ""
	}
	id, ref, _ := strings.Cut(rest, "\t")
	if i, j, ok := strings.Cut(ref, "."); ok {
		id, ref = i, j
	}
	i, err1 := strconv.Atoi(id)
	j, err2 := strconv.Atoi(ref)
	if err1 != nil || err2 != nil || i < 0 || i >= len(r.names) || j < 0 || j >= len(r.names[i]) {
		return ""
	}
	return r.names[i][j]
}

// Entries returns every body of the registry.
func (r *Registry) Entries() []Entry { return r.entries }

// Area returns the area named name (or one of its aliases), or nil.
func (r *Registry) Area(name string) *Area { return r.areas[nameKey(name)] }

var (
	trustSuffix = regexp.MustCompile(`\s+(NHS Foundation Trust|NHS Trust|Foundation Trust)$`)
	careWord    = regexp.MustCompile(`\b(Hospitals?|Healthcare|Health|Care|Partnership|Teaching)\b`)
)

// trustShortNames lets a trust be named without "NHS Foundation Trust"
// when what is left still reads as a health body ("Wirral University
// Teaching Hospital"), not as a place ("Stockport").
func (r *Registry) trustShortNames() {
	for id, e := range r.entries {
		if e.Sector != "acute_trust" && e.Sector != "mental_health_trust" {
			continue
		}
		if short := trustSuffix.ReplaceAllString(e.Canonical, ""); short != e.Canonical && careWord.MatchString(short) {
			r.alias(id, false, short)
		}
	}
}
