// Package normalize turns rebuilt rows into canonical fields an analyst can
// count: column meanings, cleaned text, statuses, scope, dates, agencies and
// review metadata. Every canonical value keeps its printed source beside it.
// It reads package extract's types and never touches a PDF or a database.
package normalize
