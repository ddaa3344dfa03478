package extract

import (
	"fmt"
	"strings"
)

// Error is an extraction error that says where it happened: file, page
// (1-based, 0 when not known), operation and cause. It prints like
// "plan.pdf:p4: interpret page: cause".
type Error struct {
	File string
	Page int
	Op   string
	Err  error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Page > 0 {
		fmt.Fprintf(&b, ":p%d", e.Page)
	}
	if e.Op != "" {
		b.WriteString(": ")
		b.WriteString(e.Op)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// panicError turns a recovered panic value into an error.
func panicError(r any) error {
	if err, ok := r.(error); ok {
		return fmt.Errorf("malformed content (%w)", err)
	}
	return fmt.Errorf("malformed content (%v)", r)
}
