package extract

import (
	"strings"
)

// Instruction rows: template guidance printed under a plan's header.

// isInstruction: template guidance under the header ("Roles no names",
// "What is the over-arching recommendation?", "Local / Regional /
// National") rather than data: at least half its cells read so.
func isInstruction(cells [][]cellLine) bool {
	n, hits := 0, 0
	for _, c := range cells {
		if len(c) == 0 {
			continue
		}
		n++
		if instructionText(strings.ToLower(strings.TrimSpace(joinLines(c)))) {
			hits++
		}
	}
	return n > 0 && hits*2 >= n && hits > 0
}

var instructionStarts = []string{"e.g", "i.e", "(", "what ", "how ", "who ", "when ", "why ", "insert ", "enter ", "describe ", "list ", "state "}

func instructionText(t string) bool {
	if strings.HasSuffix(t, "?") || strings.Contains(t, "no names") || strings.Contains(t, "not named") ||
		strings.Contains(t, "not names") {
		return true
	}
	for _, p := range instructionStarts {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	// A choice of options: "Local / Regional / National", "Red / Amber / Green".
	parts := strings.Split(t, "/")
	if len(parts) >= 3 {
		for _, p := range parts {
			if len(strings.Fields(p)) != 1 {
				return false
			}
		}
		return true
	}
	return false
}
