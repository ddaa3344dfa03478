package normalize

import "strings"

// A name can match the registry only if every word of its raw key
// (rawKey: before keyPhrases) is a word the registry's keys are made of,
// a word a keyPhrase may turn into one, or a word that lookup and tidyName
// drop or that matches by other means. couldMatch tests that, so that
// FindIn, which tries every run of up to 12 words of a text, looks up
// only the runs that can match.
//
// Why it never turns away a name that would match: lookup matches a key k
// of the name (or of the area's name and the name) in exact, bag or ctx.
// A word of the raw key either is taken into a keyPhrase (phraseWord), or
// stays in k; then k in exact or ctx puts it in vocab, and k in bag puts
// it there unless bagKey drops it (bagStop) or drops its plural "s".
// tidyName and leadLabel may drop a lead-in label ("Lead agency:") before
// the lookup, and Match takes "the trust" as the document's trust:
// their words pass too. A name with brackets may match by what the
// brackets hold alone; couldMatch lets every such name through.

// addVocab records the words of a key (a bag key's words after "bag:").
func (r *Registry) addVocab(k string) {
	k = strings.TrimPrefix(k, "bag:")
	for k != "" {
		w := k
		if i := strings.IndexByte(k, ' '); i >= 0 {
			w, k = k[:i], k[i+1:]
		} else {
			k = ""
		}
		if w != "" && !r.vocab[w] {
			r.vocab[w] = true
		}
	}
}

// passWords are the words of leadLabel's labels and of trustWord.
var passWords = map[string]bool{"lead": true, "agency": true, "agencies": true, "organisation": true,
	"responsible": true, "owner": true, "joint": true, "support": true,
	"the": true, "trust": true, "trusts": true, "nhs": true, "foundation": true}

// knownWord reports whether a word of a raw key may be part of a name
// that matches.
func (r *Registry) knownWord(w string) bool {
	if r.vocab[w] || bagStop[w] || passWords[w] || phraseWords()[w] {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && r.vocab[w[:len(w)-1]]
}

// couldMatch reports whether name may match the registry (see above).
func (r *Registry) couldMatch(name string) bool {
	if strings.ContainsAny(name, "()") {
		return true
	}
	k, _ := rawKey(name)
	for len(k) > 0 {
		k = strings.TrimLeft(k, " ")
		i := strings.IndexByte(k, ' ')
		if i < 0 {
			i = len(k)
		}
		if w := k[:i]; w != "" && !r.knownWord(w) {
			return false
		}
		k = k[i:]
	}
	return true
}
