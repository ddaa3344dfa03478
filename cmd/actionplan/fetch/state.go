package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// StateFile is the name of the state file in the output folder.
const StateFile = ".actionplan-fetch.json"

// stateVersion is the format of the state file this build writes.
const stateVersion = 1

// State is what fetch remembers between runs: every document URL it has
// fetched, with the validators of its current version and every version's
// file.
type State struct {
	Version   int                  `json:"version"`
	Documents map[string]*DocState `json:"documents"` // by URL
}

// DocState is one document URL.
type DocState struct {
	URL          string    `json:"url"`
	Site         string    `json:"site"`      // the start URL whose crawl found it
	Referrer     string    `json:"referrer"`  // the page that linked it (last seen)
	LinkText     string    `json:"link_text"` // the text of that link
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	SHA256       string    `json:"sha256"`     // of the current version
	CheckedAt    string    `json:"checked_at"` // when it last answered with the document
	GoneAt       string    `json:"gone_at,omitempty"`
	Versions     []Version `json:"versions"` // oldest first; the last is current
}

// Version is one content a document URL has served.
type Version struct {
	SHA256       string `json:"sha256"`
	Path         string `json:"path"` // file name in the output folder
	Size         int64  `json:"size"`
	FetchedAt    string `json:"fetched_at"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// LoadState reads dir's state file; a missing file is an empty state.
func LoadState(dir string) (*State, error) {
	name := filepath.Join(dir, StateFile)
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return &State{Version: stateVersion, Documents: map[string]*DocState{}}, nil
	}
	if err != nil {
		return nil, err
	}
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w (move it away to start afresh)", name, err)
	}
	if s.Version > stateVersion {
		return nil, fmt.Errorf("%s: state version %d is newer than this build knows (%d)", name, s.Version, stateVersion)
	}
	if s.Documents == nil {
		s.Documents = map[string]*DocState{}
	}
	for k, d := range s.Documents {
		if d == nil {
			delete(s.Documents, k)
		}
	}
	s.Version = stateVersion
	return &s, nil
}

// Save writes the state file atomically.
func (s *State) Save(dir string) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, StateFile), append(b, '\n'))
}

// urls lists the document URLs in order.
func (s *State) urls() []string {
	var out []string
	for u := range s.Documents {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// files maps each saved content (sha256) to its file name.
func (s *State) files() map[string]string {
	m := map[string]string{}
	for _, d := range s.Documents {
		for _, v := range d.Versions {
			if v.Path != "" {
				m[v.SHA256] = v.Path
			}
		}
	}
	return m
}

// writeAtomic writes name through a temporary file in the same folder,
// renamed into place once complete and synced.
func writeAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".fetch-*.part")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
