package normalize

import "testing"

// Surviving mutants of status.go (make mutate): the text is cleaned before
// its opening words are read, and a progress log's short last entry (four
// words or fewer) gives the status even when neither dated nor labelled.
func TestParseStatusMutants(t *testing.T) {
	for in, want := range map[string]string{
		"\u00a0 Completed\u00a0in June":                              StatusCompleted,
		"Work began in 2022.\nOngoing pending board approval":        StatusOngoing,
		"Work began in 2022.\nOngoing pending formal board approval": "",
	} {
		if got := ParseStatus(in).Status; got != want {
			t.Errorf("ParseStatus(%q) = %q, want %q", in, got, want)
		}
	}
}
