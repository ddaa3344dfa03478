package normalize

import "testing"

func TestStillOpen(t *testing.T) {
	for in, want := range map[string]string{
		"Standard amended. Audit under way; early findings show the reason recorded.": StatusOngoing,
		"Flowchart in use since January 2025. Supervision prompt not yet added.":      StatusOngoing,
		"Sample review found gaps. Refresher guidance in preparation.":                StatusOngoing,
		"Letter sent 2 December 2024. No reply yet.":                                  StatusOngoing,
		"Revision delayed while the new national guidance is awaited.":                StatusOngoing,
		"Guide published in October 2024. Downloads recorded: 412.":                   "",
		"Completed. Audit under way to check it holds.":                               "", // the opening words give the status: not this reading's
		"Briefing issued.\nSecond audit under way.":                                   "", // first paragraph only
		"Case audit not yet started.":                                                 "", // not started is for the RAG or status cell to say
		"Relaunch done in October 2025, survey in progress.":                          StatusOngoing,
		"Briefing sent in September 2025. Session booked for December.":               StatusOngoing,
		"Letter sent on 2 May 2025. No reply yet, but nothing more for us to do.":     StatusCompleted,
		"Report shared with the panel. No further action required.":                   StatusCompleted,
		"Agreed. An escalation route has been drafted and is being trialled.":         StatusOngoing,
		"Agreed. Checking the register is now part of the call script.":               StatusCompleted,
	} {
		if got := StillOpen(in).Status; got != want {
			t.Errorf("StillOpen(%q) = %q, want %q", in, got, want)
		}
	}
}
