package normalize

import (
	"regexp"
	"strings"
)

// Several lettered or numbered actions in one cell ("a) Update the
// guidance. b) Dip sample 50 incidents.") may have their statuses in the
// next cell, one per item: "a) and b) Complete.\nc) Dip sample completed
// October 2023. Complete." The row is completed when every item is, not
// started when every item is, and ongoing when the items say anything else.

var itemMark = regexp.MustCompile(`^\(?([a-z]|\d{1,2}|[ivx]{1,4})[.)]\s+(?:(?:and|&|to|-)\s+\(?([a-z]|\d{1,2})[.)]\s+)?`)

// itemsStatus reads a cell of item statuses; ok is false when the cell is
// not a list of at least two items.
func itemsStatus(text string) (Status, bool) {
	paras := strings.Split(text, "\n")
	if len(paras) < 2 || !itemMark.MatchString(paras[0]) {
		return Status{}, false
	}
	var sts []string
	for _, p := range paras {
		loc := itemMark.FindStringIndex(p)
		if loc == nil {
			return Status{}, false
		}
		sts = append(sts, itemStatus(p[loc[1]:]))
	}
	st := combine(sts)
	if st == "" {
		return Status{}, false
	}
	return Status{Status: st, Printed: firstClause(text)}, true
}

// itemStatus is an item's status from its opening words or its last
// sentence ("... in 41 of 50 incidents. Complete.").
func itemStatus(p string) string {
	if st := matchStatus(openingWords(p)); st != "" {
		return st
	}
	ss := strings.Split(strings.TrimRight(p, ". "), ". ")
	last := ss[len(ss)-1]
	if len(strings.Fields(last)) <= 3 {
		return matchStatus(openingWords(last))
	}
	return ""
}

func combine(sts []string) string {
	all := func(s string) bool {
		for _, x := range sts {
			if x != s {
				return false
			}
		}
		return true
	}
	switch {
	case all(StatusCompleted):
		return StatusCompleted
	case all(StatusNotStarted):
		return StatusNotStarted
	case all(""):
		return ""
	}
	return StatusOngoing
}
