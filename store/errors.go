package store

import "fmt"

// Error is a store failure with where it happened: the database file, the
// document (a path) when there is one, the operation and the cause.
type Error struct {
	DB   string // database file
	Path string // document path, or ""
	Op   string // "open", "migrate", "load", ...
	Err  error
}

func (e *Error) Error() string {
	where := e.DB
	if e.Path != "" {
		where = e.Path
	}
	return fmt.Sprintf("%s: %s: %v", where, e.Op, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
