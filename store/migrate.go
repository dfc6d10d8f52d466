package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// ErrSchemaTooNew is returned by Open for a database migrated by a newer
// binary than this one; opening it could corrupt data the newer one wrote.
var ErrSchemaTooNew = errors.New("database schema is newer than this binary knows")

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded SQL file; applying it takes the schema from
// version-1 to version.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded files in order; migrations[i].version == i+1.
// A shipped migration is frozen: fix mistakes with a new file, never by
// editing an old one (TestMigrationsMatchFrozenSchemas guards this).
var migrations = mustLoadMigrations(migrationFS)

// mustLoadMigrations reads NNNN_name.sql files and checks they number 1..N
// without gaps; a malformed set is a build mistake, caught by every test.
func mustLoadMigrations(fsys fs.FS) []migration {
	ms, err := loadMigrations(fsys)
	if err != nil {
		panic("store: " + err.Error())
	}
	return ms
}

// loadMigrations reads and checks the migration files of fsys.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	ms := make([]migration, 0, len(names))
	for i, name := range names {
		base := path.Base(name)
		prefix, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(prefix)
		if !ok || err != nil || len(prefix) != 4 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_description.sql", base)
		}
		if v != i+1 {
			return nil, fmt.Errorf("migration %s: version %d, want %d (versions must run 1..N without gaps)", base, v, i+1)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(body)})
	}
	if len(ms) == 0 {
		return nil, errors.New("no migrations embedded")
	}
	return ms, nil
}

// LatestSchemaVersion is the schema version this binary migrates to.
func LatestSchemaVersion() int { return len(migrations) }

// SchemaVersion returns the database's schema version (PRAGMA user_version).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	v, err := userVersion(ctx, s.read)
	if err != nil {
		return 0, fmt.Errorf("store: schema version: %w", err)
	}
	return v, nil
}

// queryer is what *sql.DB and *sql.Tx have in common.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// userVersion reads PRAGMA user_version, where the schema version lives.
func userVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate brings db to schema version target (at most len(migrations)),
// applying every pending migration in ONE transaction together with the new
// user_version: a crash leaves the database at the old version, untouched.
// A database already at target costs one read and takes no write lock.
// Migrations run with foreign keys on and inside a transaction, where
// PRAGMA foreign_keys cannot change: a future table rebuild must keep
// references valid at commit (PRAGMA defer_foreign_keys helps).
func migrate(ctx context.Context, db *sql.DB, target int) error {
	return migrateWith(ctx, db, migrations, target)
}

// migrateWith is migrate over an explicit list, so tests can feed it a
// broken migration and watch the whole upgrade roll back.
func migrateWith(ctx context.Context, db *sql.DB, migrations []migration, target int) error {
	if target < 0 || target > len(migrations) {
		return fmt.Errorf("migrate to version %d: only 0..%d exist", target, len(migrations))
	}
	v, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return tooNew(v, len(migrations))
	}
	if v >= target {
		return nil
	}

	// The writer DSN makes this BEGIN IMMEDIATE: two processes opening the
	// same old database serialise here, and the second sees the new version.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback()
	if v, err = userVersion(ctx, tx); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return tooNew(v, len(migrations))
	}
	if v >= target {
		return nil
	}
	for _, m := range migrations[v:target] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	// PRAGMA takes no bind parameters; target is an int we computed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", target)); err != nil {
		return fmt.Errorf("set schema version %d: %w", target, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit migrations %d..%d: %w", v+1, target, err)
	}
	return nil
}

// tooNew is the refusal for a database at version v when we know latest.
func tooNew(v, latest int) error {
	return fmt.Errorf("%w: database is at schema version %d, this binary knows up to %d", ErrSchemaTooNew, v, latest)
}
