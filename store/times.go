package store

import (
	"database/sql"
	"time"
)

// Times are stored as INTEGER unix milliseconds UTC; the zero time is NULL.

// millis converts t to unix milliseconds.
func millis(t time.Time) int64 { return t.UnixMilli() }

// nullMillis converts t to unix milliseconds, or NULL for the zero time.
func nullMillis(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

// fromMillis converts a stored time back, in UTC.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// fromNullMillis converts a nullable stored time back; NULL is the zero time.
func fromNullMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return fromMillis(ms.Int64)
}
