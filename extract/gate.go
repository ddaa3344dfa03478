package extract

import (
	"context"
	"errors"
)

func fileImpl(ctx context.Context, path string, opt Options) *Document {
	return &Document{File: path, Outcome: OutcomeError, Err: errors.New("not yet built")}
}

func bytesImpl(ctx context.Context, name string, data []byte, opt Options) *Document {
	return &Document{File: name, Outcome: OutcomeError, Err: errors.New("not yet built")}
}
