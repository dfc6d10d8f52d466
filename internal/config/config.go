package config

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Security is how a mail connection is protected.
type Security string

// The accepted values of imap.security and smtp.security.
const (
	SecurityTLS      Security = "tls"      // TLS from the first byte (IMAPS 993, SMTPS 465)
	SecuritySTARTTLS Security = "starttls" // plain connection upgraded with STARTTLS (143, 587)
	SecurityInsecure Security = "insecure" // no encryption; loopback hosts only
)

// Defaults that do not depend on other keys.
const (
	DefaultTimezone           = "Local"
	DefaultLogLevel           = "info"
	DefaultIMAPSecurity       = SecurityTLS
	DefaultSMTPSecurity       = SecuritySTARTTLS
	DefaultInbox              = "INBOX"
	DefaultPollInterval       = 2 * time.Minute
	DefaultCommandTimeout     = 60 * time.Second
	DefaultIdleRefresh        = 5 * time.Minute
	DefaultNoReplyAfter       = 3 * Day
	DefaultUnresolvedAfter    = 7 * Day
	DefaultThanksPendingAfter = 2 * Day
	DefaultDigest             = "weekly mon 08:00"
	DefaultQuietHours         = "21:00-08:00"
	DefaultHTTPListen         = "127.0.0.1:8765"
	DefaultCaptureTag         = "+thanks"
	DefaultRateLimit          = "60/hour"
	DefaultNotifyVia          = NotifyIMAP
	DefaultAlertAfter         = time.Hour
	DefaultRepliesPerHour     = 6
	DefaultFollowupMax        = 20
)

// Default lists, copied before use so callers cannot change them.
var (
	defaultSubjectTags = []string{"[help]"}
	defaultKeywords    = []string{"gratitude"}
)

// Config is a loaded, defaulted and validated configuration.
type Config struct {
	// Path is the file the configuration was loaded from ("" from Parse).
	Path     string
	Owner    Owner
	Timezone string // IANA name or "Local"; see Location
	Database string // absolute (or as written, from Parse) path of the SQLite file
	// TemplatesDir holds templates that replace the defaults by name ("" = none).
	TemplatesDir string
	Log          Log
	IMAP         IMAP
	Sync         Sync
	SMTP         SMTP
	Notify       Notify
	Thanks       Thanks
	Trust        Trust
	Health       Health
	Capture      Capture
	Reminders    Reminders
	HTTP         HTTP
	// Warnings are accepted but risky settings, to show the owner.
	Warnings []string

	loc        *time.Location
	secretErrs Errors // passwords whose ${ENV} is not set
}

// NeedSecrets reports the passwords that cannot be had, for a command that
// logs in: their ${ENV} was not set when the config was loaded. Commands
// that only read the database never call it.
func (c *Config) NeedSecrets() error {
	if len(c.secretErrs) == 0 {
		return nil
	}
	return c.secretErrs
}

// Owner is the person whose mailbox is watched.
type Owner struct {
	Name    string
	Email   string
	Aliases []string // other addresses that are also the owner
	// Signature is printed under the owner's name in thank-yous ("" = none).
	Signature string
}

// Log configures logging.
type Log struct {
	Level string // debug, info, warn or error
}

// IMAP is how to read the owner's mailbox.
type IMAP struct {
	Host      string
	Port      int
	Security  Security
	CAFile    string // extra PEM roots for self-signed servers, or ""
	TLS       TLS
	Username  string
	Secret    Secret // from imap.password or imap.password_command; see Password
	Mailboxes Mailboxes
	Idle      bool
	// PollInterval is how often to check for mail when IDLE is off or unavailable.
	PollInterval time.Duration
	// CommandTimeout is the watchdog on every IMAP command.
	CommandTimeout time.Duration
	// IdleRefresh is how often IDLE is interrupted to check the connection.
	IdleRefresh time.Duration
}

// TLS is how a server's certificate is trusted besides the system's roots
// and ca_file.
type TLS struct {
	// Pin is the sha256/BASE64 of the server's public key ("" = none): when
	// set, that key alone is trusted; host name, dates and CA are not
	// checked, and ca_file is not used.
	Pin string
}

// Mailboxes names the folders the daemon uses; "" means discover.
type Mailboxes struct {
	Inbox  string
	Sent   string // "" = discover by SPECIAL-USE \Sent, then common names
	Drafts string // "" = discover by SPECIAL-USE \Drafts, then common names
}

// SMTP is how to send mail as the owner.
type SMTP struct {
	Host     string
	Port     int
	Security Security
	CAFile   string
	TLS      TLS
	Username string // "" = no authentication
	Secret   Secret // from smtp.password or smtp.password_command; see Password
	// RateLimit caps how many messages are sent per period.
	RateLimit RateLimit
	// FilesSent: the provider files a copy of mail sent through it in Sent
	// (Gmail, Microsoft 365), so gratitude must not append one.
	FilesSent bool
}

// Delivery is how thank-you drafts reach the owner.
type Delivery string

// The accepted values of thanks.delivery.
const (
	DeliverDrafts   Delivery = "drafts"   // in the Drafts folder, to send from the owner's client
	DeliverApproval Delivery = "approval" // an approval card to answer with approve / skip / edit
	DeliverBoth     Delivery = "both"
)

// Thanks is how thank-yous are handled.
type Thanks struct {
	Delivery Delivery
	// Relationship lets a thank-you say what the ledger knows of the
	// helper (the third time they helped); false keeps it to this request.
	Relationship bool
}

// Drafts reports whether drafts go to the Drafts folder.
func (t Thanks) Drafts() bool { return t.Delivery != DeliverApproval }

// Approval reports whether an approval card goes to the owner.
func (t Thanks) Approval() bool { return t.Delivery != DeliverDrafts }

// Sync is how a mailbox is read the first time (sync.track_from): what it
// already holds from before TrackFrom, or from more than TrackBack before
// the first sync, is history; both zero: everything it holds is history.
type Sync struct {
	TrackFrom time.Time     // a date (wins when set)
	TrackBack time.Duration // a span before the first sync
}

// Health is when the owner hears that gratitude cannot do its job.
type Health struct {
	// AlertAfter is how long the mailbox may be unreadable before the
	// owner is told, once per outage.
	AlertAfter time.Duration
}

// Trust is what proves a command comes from the owner, besides a copy in
// Sent and a card's token address.
type Trust struct {
	// AuthservID is the authserv-id of the receiving server whose
	// Authentication-Results are believed ("" = none).
	AuthservID string
}

// NotifyVia is how notifications reach the owner.
type NotifyVia string

// The accepted values of notify.via.
const (
	NotifyIMAP NotifyVia = "imap" // APPEND to the owner's INBOX: no SMTP, no spam filter
	NotifySMTP NotifyVia = "smtp" // sent to the owner's address over SMTP
)

// Notify is how the owner is told things (nudges, reminders, digests).
type Notify struct {
	Via NotifyVia
	// RepliesPerHour caps gratitude's replies to the owner's commands (help,
	// status): more are held back and logged, so no loop can grow.
	RepliesPerHour int
}

// Capture is how the owner marks a message as an ask.
type Capture struct {
	Address     string   // BCC address, e.g. ada+thanks@example.org
	SubjectTags []string // subject tags such as "[help]"
	Keywords    []string // IMAP keywords / labels
	// Folder is where the server files capture mail: a folder name, "" to
	// find it by the address's detail (see FolderWanted), or
	// CaptureFolderOff for none.
	Folder string
}

// CaptureFolderOff is capture.folder's value for no capture folder.
const CaptureFolderOff = "off"

// FolderWanted says how to find the capture folder: by name (configured),
// or by the capture address's detail, "thanks" for ada+thanks@example.org
// (auto); both are empty when capture.folder is off or the address has no
// detail.
func (c Capture) FolderWanted() (name, detail string) {
	switch c.Folder {
	case CaptureFolderOff:
		return "", ""
	case "":
		return "", addressDetail(c.Address)
	}
	return c.Folder, ""
}

// addressDetail is what the address's local part holds after its first
// "+" (servers deliver ada+thanks@ to ada@ and call "thanks" its detail);
// "" when it has none.
func addressDetail(addr string) string {
	local, _, _ := strings.Cut(addr, "@")
	_, detail, _ := strings.Cut(local, "+")
	return detail
}

// Reminders are the due-date windows and when reminders may go out.
type Reminders struct {
	NoReplyAfter       time.Duration
	UnresolvedAfter    time.Duration
	ThanksPendingAfter time.Duration
	Digest             Digest
	QuietHours         QuietHours
	// FollowupDrafts puts a nudge's follow-up text in Drafts too, ready to send.
	FollowupDrafts bool
	// FollowupMaxRecipients is the most people a follow-up draft is
	// addressed to; an ask to more gets no follow-up draft.
	FollowupMaxRecipients int
}

// HTTP configures the local web page, /healthz and /metrics.
type HTTP struct {
	Listen string // host:port, or "" when disabled ("off" in the file)
	// URL is the address the owner opens: sign-in links start with it, and
	// a request naming another host is refused (DNS rebinding).
	URL string
	// PasswordHash (bcrypt or argon2id, from `gratitude passwd`) lets the
	// owner sign in with a password as well as a one-time link.
	PasswordHash string
	// TLSCert and TLSKey are the certificate and key files to serve HTTPS.
	TLSCert, TLSKey string
	// BehindProxy: TLS ends at a reverse proxy at ProxyAddress, the only
	// peer the server answers (besides loopback, for /healthz).
	BehindProxy  bool
	ProxyAddress string
}

// TLS reports whether the server itself speaks HTTPS.
func (h HTTP) TLS() bool { return h.TLSCert != "" }

// Enabled reports whether the HTTP server should run.
func (h HTTP) Enabled() bool { return h.Listen != "" }

// Location returns the configured time zone (time.Local by default).
func (c *Config) Location() *time.Location {
	if c == nil || c.loc == nil {
		return time.Local
	}
	return c.loc
}

// Addresses returns the owner's address followed by the aliases.
func (o Owner) Addresses() []string {
	return append([]string{o.Email}, o.Aliases...)
}

// IsOwner reports whether addr (case-insensitive) is one of the owner's addresses.
func (o Owner) IsOwner(addr string) bool {
	for _, a := range o.Addresses() {
		if strings.EqualFold(a, strings.TrimSpace(addr)) {
			return true
		}
	}
	return false
}

// SlogLevel returns the log level for log/slog.
func (l Log) SlogLevel() slog.Level {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(l.Level)); err != nil {
		return slog.LevelInfo
	}
	return lv
}

// Password returns the IMAP password, running imap.password_command if set.
func (c *IMAP) Password(ctx context.Context) (string, error) { return c.Secret.Value(ctx) }

// Password returns the SMTP password ("" when smtp.username is empty, i.e.
// no authentication), running smtp.password_command if set.
func (c *SMTP) Password(ctx context.Context) (string, error) {
	if c.Username == "" {
		return "", nil
	}
	return c.Secret.Value(ctx)
}

// Redacting views: same fields, no methods, so formatting them does not
// recurse into String; Secret fields still format as [redacted].
type (
	plainConfig Config
	plainIMAP   IMAP
	plainSMTP   SMTP
)

// String formats the configuration with passwords redacted.
func (c Config) String() string { return fmt.Sprintf("%+v", plainConfig(c)) }

// LogValue logs the configuration's main settings, never a password.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("path", c.Path),
		slog.String("owner", c.Owner.Email),
		slog.String("timezone", c.Timezone),
		slog.String("database", c.Database),
		slog.Any("imap", c.IMAP),
		slog.Any("smtp", c.SMTP),
		slog.String("http", c.HTTP.Listen),
	)
}

// String formats the IMAP settings with the password redacted.
func (c IMAP) String() string { return fmt.Sprintf("%+v", plainIMAP(c)) }

// LogValue logs the IMAP settings, never the password.
func (c IMAP) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("host", c.Host),
		slog.Int("port", c.Port),
		slog.String("security", string(c.Security)),
		slog.String("username", c.Username),
		slog.String("password", c.Secret.Source()),
	)
}

// String formats the SMTP settings with the password redacted.
func (c SMTP) String() string { return fmt.Sprintf("%+v", plainSMTP(c)) }

// LogValue logs the SMTP settings, never the password.
func (c SMTP) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("host", c.Host),
		slog.Int("port", c.Port),
		slog.String("security", string(c.Security)),
		slog.String("username", c.Username),
		slog.String("password", c.Secret.Source()),
	)
}
