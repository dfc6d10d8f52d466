package store

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gratitude"
)

var update = flag.Bool("update", false, "write frozen schemas for versions that have none yet (never overwrites)")

// frozenPath is the frozen copy of the schema at version v.
func frozenPath(v int) string {
	return filepath.Join("testdata", fmt.Sprintf("schema_v%d.sql", v))
}

// rawDB opens path with the writer's DSN but without migrating it.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	if err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", writeDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// dumpSchema prints the schema of db as SQL that recreates it: tables,
// then indexes, then triggers, each group by name.
func dumpSchema(t *testing.T, db *sql.DB, version int) string {
	t.Helper()
	rows, err := db.Query(`SELECT sql FROM sqlite_master
		WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
		ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "-- The gratitude schema at version %d, FROZEN: databases in the field look\n", version)
	fmt.Fprintf(&b, "-- like this. Never edit; written by `go test ./store -run Frozen -update`.\n\n")
	for rows.Next() {
		var stmt string
		if err := rows.Scan(&stmt); err != nil {
			t.Fatal(err)
		}
		b.WriteString(stmt + ";\n\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMigrationsMatchFrozenSchemas fails when a shipped migration is edited:
// applying the first v migrations must give exactly the frozen schema v.
func TestMigrationsMatchFrozenSchemas(t *testing.T) {
	for v := 1; v <= len(migrations); v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			db := rawDB(t, filepath.Join(t.TempDir(), "g.db"))
			if err := migrate(context.Background(), db, v); err != nil {
				t.Fatal(err)
			}
			got := dumpSchema(t, db, v)
			want, err := os.ReadFile(frozenPath(v))
			if errors.Is(err, os.ErrNotExist) && *update {
				if err := os.WriteFile(frozenPath(v), []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", frozenPath(v))
				return
			}
			if err != nil {
				t.Fatalf("%v (new migration? run with -update to freeze it)", err)
			}
			if got != string(want) {
				t.Errorf("migrations 1..%d no longer produce %s: shipped migrations must not change; add a new one instead.\ngot:\n%s", v, frozenPath(v), got)
			}
		})
	}
}

func TestMigrateFromEmptyReachesLatestVersion(t *testing.T) {
	s := openTest(t)
	v, err := s.SchemaVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if v != LatestSchemaVersion() || v < 2 {
		t.Fatalf("SchemaVersion = %d, want %d (>= 2)", v, LatestSchemaVersion())
	}
	for _, table := range []string{"accounts", "mailbox_cursors", "messages", "requests", "people",
		"request_participants", "request_events", "health", "settings"} {
		if n := count(t, s.write, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table); n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
}

// seeds are rows valid at each schema version, inserted into a database
// frozen at that version before upgrading it; checks verify they survived.
var seeds = map[int]string{
	1: `
INSERT INTO accounts (id, email, created_at) VALUES (1, 'ada@example.org', 1700000000000);
INSERT INTO mailbox_cursors (account_id, mailbox, uidvalidity, last_uid, last_sync_at)
    VALUES (1, 'INBOX', 7, 3, 1700000000000);
INSERT INTO requests (id, account_id, state, subject, message_id, asked_at, options, created_at, updated_at)
    VALUES (1, 1, 'answered', 'boiler', 'ask-1@example.org', 1700000000000, '{"remind":"3d"}', 1700000000000, 1700000000000);
INSERT INTO messages (account_id, message_id, mailbox, uidvalidity, uid, from_addr, subject, date, size, class, reason, request_id, seen_at) VALUES
    (1, 'ask-1@example.org',   'INBOX', 7, 1, 'ada@example.org',   'boiler', 1700000000000, 100, 'ask',     '', 1,    1700000000000),
    (1, 'reply-1@example.org', 'INBOX', 7, 2, 'alice@example.org', 'boiler', 1700000000000, 200, 'reply',   '', 1,    1700000000000),
    (1, 'list-1@example.org',  'INBOX', 7, 3, 'list@example.org',  'news',   NULL,          300, 'ignored', 'mailing list', NULL, 1700000000000);
INSERT INTO people (id, account_id, email, name) VALUES (1, 1, 'alice@example.org', 'Alice');
INSERT INTO request_participants (account_id, request_id, person_id, role, first_reply_at, replies, excerpt)
    VALUES (1, 1, 1, 'helper', 1700000000000, 1, 'try bleeding the radiators');
INSERT INTO request_events (account_id, request_id, at, kind, data)
    VALUES (1, 1, 1700000000000, 'answered', '{"by":"alice@example.org"}');
`,
	2: `
INSERT INTO health (account_id, component, ok, last_error, last_ok_at, failing_since, updated_at)
    VALUES (1, 'imap', 0, 'dial tcp: timeout', 1700000000000, 1700000001000, 1700000002000);
INSERT INTO settings (account_id, name, value, updated_at) VALUES (1, 'card_key', X'00FF10', 1700000000000);
`,
	3: `
INSERT INTO request_threads (account_id, request_id, message_id) VALUES (1, 1, 'ask-1@example.org'), (1, 1, 'reply-1@example.org');
INSERT INTO own_messages (account_id, message_id, request_id, kind, created_at) VALUES (1, 'nudge-1@gratitude', 1, 'nudge', 1700000000000);
INSERT INTO gave (account_id, person_id, message_id, at) VALUES (1, 1, 'gave-1@example.org', 1700000000000);
`,
	4: `
INSERT INTO outbox (account_id, request_id, kind, target, message_id, raw, next_attempt_at, created_at)
    VALUES (1, 1, 'nudge', 'imap:inbox', 'nudge-1@gratitude', X'4869', 1700000000000, 1700000000000);
INSERT INTO reminders (account_id, request_id, kind, sent, last_at) VALUES (1, 1, 'unresolved', 1, 1700000000000);
`,
}

// checkSeeds verifies, through the API where one exists, that the rows
// seeded at versions 1..upTo survived the upgrade.
func checkSeeds(t *testing.T, s *Store, upTo int) {
	t.Helper()
	ctx := context.Background()
	if upTo >= 1 {
		if id := account(t, s, "ada@example.org"); id != 1 {
			t.Errorf("account id = %d, want 1", id)
		}
		cs, err := s.Cursors(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].Mailbox != "INBOX" || cs[0].UIDValidity != 7 || cs[0].LastUID != 3 || cs[0].Messages != 3 {
			t.Errorf("Cursors = %+v", cs)
		}
		known, err := s.KnownMessages(ctx, 1, []string{"ask-1@example.org", "reply-1@example.org", "list-1@example.org"})
		if err != nil || len(known) != 3 {
			t.Errorf("KnownMessages = %v, %v", known, err)
		}
		counts, err := s.ClassCounts(ctx, 1)
		if err != nil || counts[gratitude.ClassAsk] != 1 || counts[gratitude.ClassIgnored] != 1 {
			t.Errorf("ClassCounts = %v, %v", counts, err)
		}
		evs, err := s.Events(ctx, 1)
		if err != nil || len(evs) != 1 || string(evs[0].Data) != `{"by":"alice@example.org"}` {
			t.Errorf("Events = %+v, %v", evs, err)
		}
		if n := count(t, s.write, `SELECT COUNT(*) FROM request_participants p JOIN people ON people.id = p.person_id
			WHERE people.email = 'alice@example.org' AND p.excerpt = 'try bleeding the radiators'`); n != 1 {
			t.Errorf("participant rows = %d, want 1", n)
		}
		if n := count(t, s.write, `SELECT COUNT(*) FROM requests WHERE state = 'answered' AND options = '{"remind":"3d"}'`); n != 1 {
			t.Errorf("request rows = %d, want 1", n)
		}
	}
	if upTo >= 2 {
		hs, err := s.Health(ctx, 1)
		if err != nil || len(hs) != 1 || hs[0].OK || hs[0].LastError != "dial tcp: timeout" || hs[0].FailingSince.UnixMilli() != 1700000001000 {
			t.Errorf("Health = %+v, %v", hs, err)
		}
		var value []byte
		if err := s.write.QueryRow(`SELECT value FROM settings WHERE account_id = 1 AND name = 'card_key'`).Scan(&value); err != nil || string(value) != "\x00\xff\x10" {
			t.Errorf("setting = %x, %v", value, err)
		}
	}
	if upTo >= 3 {
		for _, q := range []string{
			`SELECT COUNT(*) FROM request_threads WHERE request_id = 1`,
			`SELECT COUNT(*) FROM own_messages WHERE message_id = 'nudge-1@gratitude'`,
			`SELECT COUNT(*) FROM gave WHERE person_id = 1`,
		} {
			if n := count(t, s.write, q); n < 1 {
				t.Errorf("%s = %d, want rows", q, n)
			}
		}
	}
	if upTo >= 4 {
		out, err := s.Outbox(ctx, 1)
		if err != nil || len(out) != 1 || out[0].State != gratitude.OutQueued || string(out[0].Raw) != "Hi" {
			t.Errorf("Outbox = %+v, %v", out, err)
		}
		r, err := s.Request(ctx, 1, 1)
		if err != nil || r.ReminderLog(gratitude.ReminderUnresolved).Sent != 1 {
			t.Errorf("request reminders = %+v, %v", r.Reminders, err)
		}
	}
}

// TestUpgradeFromEveryEarlierVersionKeepsRows builds a database as it was
// shipped at each earlier version (from the frozen schema), fills it with
// rows, upgrades it by opening it, and checks the rows survive.
func TestUpgradeFromEveryEarlierVersionKeepsRows(t *testing.T) {
	for from := 0; from < len(migrations); from++ {
		t.Run(fmt.Sprintf("from_v%d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "g.db")
			db := rawDB(t, path)
			if from > 0 {
				frozen, err := os.ReadFile(frozenPath(from))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := db.Exec(string(frozen)); err != nil {
					t.Fatalf("load %s: %v", frozenPath(from), err)
				}
				if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", from)); err != nil {
					t.Fatal(err)
				}
			}
			for v := 1; v <= from; v++ {
				if _, err := db.Exec(seeds[v]); err != nil {
					t.Fatalf("seed v%d: %v", v, err)
				}
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}

			s := openAt(t, path)
			v, err := s.SchemaVersion(context.Background())
			if err != nil || v != LatestSchemaVersion() {
				t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, LatestSchemaVersion())
			}
			checkSeeds(t, s, from)
			// The upgraded database is indistinguishable from a fresh one.
			if got, want := dumpSchema(t, s.write, v), dumpSchema(t, openTest(t).write, v); got != want {
				t.Errorf("upgraded schema differs from a fresh one:\n%s\nvs\n%s", got, want)
			}
			// And rows seeded at later versions fit it too.
			for later := from + 1; later <= len(migrations); later++ {
				if _, err := s.write.Exec(seeds[later]); err != nil {
					t.Fatalf("seed v%d after upgrade: %v", later, err)
				}
			}
			checkSeeds(t, s, len(migrations))
		})
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	future := LatestSchemaVersion() + 1
	if _, err := s.write.Exec(fmt.Sprintf("PRAGMA user_version = %d", future)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	_, err = Open(context.Background(), path)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Open = %v; want ErrSchemaTooNew", err)
	}
	for _, want := range []string{path, fmt.Sprintf("version %d", future), "upgrade gratitude"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	db := rawDB(t, path)
	if v, _ := userVersion(context.Background(), db); v != future {
		t.Errorf("refused database was touched: user_version = %d", v)
	}
}

func TestFailedMigrationRollsBackEveryPendingStep(t *testing.T) {
	db := rawDB(t, filepath.Join(t.TempDir(), "g.db"))
	broken := []migration{
		{version: 1, name: "0001_ok.sql", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY);"},
		{version: 2, name: "0002_broken.sql", sql: "CREATE TABLE b (id INTEGER PRIMARY KEY); CREATE TABLE a (x TEXT);"},
	}
	err := migrateWith(context.Background(), db, broken, 2)
	if err == nil || !strings.Contains(err.Error(), "0002_broken.sql") {
		t.Fatalf("migrate = %v; want an error naming 0002_broken.sql", err)
	}
	if v, _ := userVersion(context.Background(), db); v != 0 {
		t.Errorf("user_version = %d after a failed upgrade, want 0", v)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'b')`); n != 0 {
		t.Errorf("%d tables of the failed upgrade remain", n)
	}
}

func TestMigrationFilesAreNumberedWithoutGaps(t *testing.T) {
	for i, m := range migrations {
		if m.version != i+1 {
			t.Errorf("migrations[%d] = %s has version %d", i, m.name, m.version)
		}
	}
	bad := []fstest.MapFS{
		{"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		{"migrations/1_a.sql": {}},
		{"migrations/0001-a.sql": {}},
		{},
	}
	for _, fsys := range bad {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("loadMigrations accepted %v", fsys)
		}
	}
}

// TestUpgradeToV6DoesNotFollowUpOldSends: a message sent before version 6
// had what follows its send recorded with it; the upgrade must not make
// the outbox do it again (a second copy in Sent, say).
func TestUpgradeToV6DoesNotFollowUpOldSends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	db := rawDB(t, path)
	frozen, err := os.ReadFile(frozenPath(5))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(string(frozen) + `PRAGMA user_version = 5;
INSERT INTO accounts (id, email, created_at) VALUES (1, 'ada@example.org', 1700000000000);
INSERT INTO outbox (account_id, kind, target, sender, recipients, message_id, raw, then_targets, state, next_attempt_at, created_at, sent_at)
    VALUES (1, 'thank-you', 'smtp', 'ada@example.org', 'bob@example.org', 'ty-old@example.org', X'4869', 'imap:sent', 'sent', 1700000000000, 1700000000000, 1700000001000);`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path)
	cut, err := s.SentNotFollowedUp(context.Background(), 1)
	if err != nil || len(cut) != 0 {
		t.Errorf("after the upgrade, %d sends look cut off before their follow-up (%v); want none", len(cut), err)
	}
}
