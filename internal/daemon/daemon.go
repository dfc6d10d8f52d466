package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/internal/config"
	"gratitude/internal/outbox"
	"gratitude/internal/owner"
	"gratitude/internal/remind"
	"gratitude/internal/thanks"
	"gratitude/store"
)

// shutdownGrace bounds how long a stop may take after SIGINT/SIGTERM.
const shutdownGrace = 5 * time.Second

// Daemon wires the mailbox watchers, the reminder runner and the outbox
// sender to the store of one account.
type Daemon struct {
	cfg     *config.Config
	log     *slog.Logger
	clock   gratitude.Clock
	store   *store.Store
	account int64
	stats   *inbox.Stats
	health  *liveHealth
	counts  *counters // for /metrics
	remind  *remind.Runner
	thanks  *thanks.Runner
	gate    *mailGate // nil for one-shot commands, which sync first

	// decide is held by a decision pass and by an owner's action from the
	// control socket, so the two never work on one request at once.
	decide sync.Mutex

	// known is the mailbox's folders as last found (nil until then), and
	// drainErr the latest drain's error: the outbox's health needs both.
	// version counts changes the web page may show; warnings are the
	// log's latest, for its Health page.
	version  atomic.Int64
	warnings *warningRing
	// remindKick and sendKick wake the decision and send loops (Run).
	remindKick, sendKick chan struct{}

	knownMu  sync.Mutex
	known    *inbox.Folders
	drainErr error
	imapCaps map[string]bool // the capabilities gratitude uses, had or not
}

// Open opens the store and builds the daemon's parts; a template override
// that does not render is a *ConfigError.
func Open(ctx context.Context, cfg *config.Config, log *slog.Logger, clock gratitude.Clock) (*Daemon, error) {
	st, acct, err := OpenStore(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	log, warnings := keepWarnings(log)
	d := &Daemon{cfg: cfg, log: log, clock: clock, store: st, account: acct, stats: &inbox.Stats{}, health: newLiveHealth(),
		counts: newCounters(), warnings: warnings, remindKick: make(chan struct{}, 1), sendKick: make(chan struct{}, 1)}
	d.remind, err = d.runner()
	if err == nil {
		err = d.reschedulePolicyChange(ctx)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	d.thanks = d.thanksRunner()
	return d, nil
}

// Close closes the store.
func (d *Daemon) Close() { d.store.Close() }

// Store is the daemon's store and the owner's account in it.
func (d *Daemon) Store() (*store.Store, int64) { return d.store, d.account }

// Actions is the owner's actions, carried out on the daemon's store.
func (d *Daemon) Actions() *owner.Service { return d.thanks.Actions }

// syncer builds the sync engine; mail read in folders.Sent is the owner's,
// mail read in folders.Capture was sent to the capture address.
func (d *Daemon) syncer(folders inbox.Folders) *inbox.Syncer {
	return &inbox.Syncer{
		Store:      recording{d.store},
		Classifier: Classifier(d.cfg, folders),
		Account:    d.account,
		Clock:      d.clock,
		Stats:      d.stats,
		Log:        d.log.With("component", "inbox"),
		Progress:   newProgress(),
		// The watcher's connections keep their mailbox selected between
		// passes: a SELECT every idle_refresh notices a recreated mailbox.
		ReselectAfter: d.cfg.IMAP.IdleRefresh,
		TrackFrom:     gratitude.TrackFrom{Date: d.cfg.Sync.TrackFrom, Back: d.cfg.Sync.TrackBack},
		Voice:         d.store,
		VoiceMailbox:  folders.Sent,
	}
}

// RunOnce does one full pass: sync Sent, the capture folder and INBOX, queue what is due,
// deliver the outbox.
func (d *Daemon) RunOnce(ctx context.Context) error {
	lock, err := lockDatabase(d.store.Path(), d.clock.Now(), d.log)
	if err != nil {
		return err
	}
	defer lock.release()
	start := time.Now()
	conn, err := inbox.Dial(ctx, IMAPOptions(d.cfg), d.stats)
	if err != nil {
		d.recordHealth(ctx, "imap", err)
		return err
	}
	defer conn.Close()
	folders, err := d.findFolders(ctx, conn)
	if err != nil {
		return err
	}
	s := d.syncer(folders)
	total := 0
	d.noteWatched(ctx, watchOrder(folders))
	for _, mb := range watchOrder(folders) {
		res, err := s.Sync(ctx, conn, mb)
		d.recordHealth(ctx, "imap:"+mb, err)
		if err != nil {
			return err
		}
		total += res.New
	}
	d.thanks.SentFolder = folders.Sent
	tres, err := d.thanksPass(ctx)
	if err != nil {
		return err
	}
	rres, err := d.remindPass(ctx)
	if err != nil {
		return err
	}
	sres, err := d.drain(ctx, d.sender(folders, d.log.With("component", "outbox")))
	if err != nil {
		return err
	}
	d.checkSMTP(ctx)
	snap := d.stats.Snapshot()
	d.log.Info("pass complete", "new", total, "commands", tres.Commands, "refused", tres.Refused,
		"drafted", tres.Drafted, "reminders", rres.Reminders, "digest", rres.Digest,
		"sent", sres.Sent, "retrying", sres.Retried, "failed", sres.Failed,
		"took", time.Since(start).Round(time.Millisecond),
		"header_fetches", snap.HeaderFetches, "body_fetches", snap.BodyFetches,
		"bytes_read", snap.BytesRead, "bytes_written", snap.BytesWritten)
	return nil
}

// thanksPass carries out proven commands and drafts and shows thank-yous.
func (d *Daemon) thanksPass(ctx context.Context) (thanks.PassResult, error) {
	res, err := d.thanks.Pass(ctx, d.clock.Now())
	d.recordHealth(ctx, "thanks", err)
	return res, err
}

// remindPass queues the reminders and digest due now.
func (d *Daemon) remindPass(ctx context.Context) (remind.PassResult, error) {
	res, err := d.remind.Pass(ctx, d.clock.Now())
	d.recordHealth(ctx, "remind", err)
	return res, err
}

// drain delivers what the outbox has due now.
func (d *Daemon) drain(ctx context.Context, s *outbox.Sender) (outbox.DrainResult, error) {
	s.OnResult = d.onSend(ctx)
	res, err := s.Drain(ctx)
	d.recordOutbox(ctx, err)
	return res, err
}

// DeliverNow delivers what is queued, reaching the mailbox for its folders
// (unless LookAtFolders just did): for a command that queued something and
// does not wait for a pass.
func (d *Daemon) DeliverNow(ctx context.Context) (outbox.DrainResult, error) {
	folders, ok := d.knownFolders()
	if !ok {
		var err error
		if folders, err = d.lookAtFolders(ctx); err != nil {
			return outbox.DrainResult{}, fmt.Errorf("queued, but the mailbox cannot be reached to deliver it (`gratitude run` will): %w", err)
		}
	}
	return d.drain(ctx, d.sender(folders, d.log.With("component", "outbox")))
}

// LookAtFolders finds the mailbox's folders before a command acts without
// the daemon, so that a card or a nudge never claims a draft is in a
// folder that does not exist. A mailbox that cannot be reached is only
// logged: the action goes on, as the config says.
func (d *Daemon) LookAtFolders(ctx context.Context) {
	if _, err := d.lookAtFolders(ctx); err != nil {
		d.log.Warn("cannot look at the mailbox's folders before acting; a card may mention Drafts", "err", err)
	}
}

// lookAtFolders reaches the mailbox and finds its folders.
func (d *Daemon) lookAtFolders(ctx context.Context) (inbox.Folders, error) {
	conn, err := inbox.Dial(ctx, IMAPOptions(d.cfg), d.stats)
	if err != nil {
		return inbox.Folders{}, err
	}
	defer conn.Close()
	return d.findFolders(ctx, conn)
}

// onSend keeps the health of the SMTP server and of APPEND delivery.
func (d *Daemon) onSend(ctx context.Context) func(o gratitude.Outgoing, err error) {
	return func(o gratitude.Outgoing, err error) {
		d.counts.attempt(o.Kind, err)
		d.changed()
		component := "append"
		if o.Target == gratitude.TargetSMTP {
			component = "smtp"
		}
		d.recordHealth(ctx, component, err)
	}
}

// findFolders resolves INBOX, Sent, Drafts and the capture folder; Drafts
// or a configured capture folder missing fails the folders component, and
// the daemon goes on without it.
func (d *Daemon) findFolders(ctx context.Context, conn *inbox.Conn) (inbox.Folders, error) {
	want := Folders(d.cfg)
	folders, err := conn.FindFolders(want)
	if err != nil && (folders.Inbox == "" || folders.Sent == "") {
		return folders, err
	}
	missing := missingFolders(want, folders, err)
	if missing != nil {
		d.log.Warn("folder missing", "err", missing)
	}
	d.recordHealth(ctx, "folders", missing)
	d.setKnown(folders)
	d.noteIMAP(ctx, conn, want, folders)
	// A card or a nudge must not say a draft is in a folder it cannot be
	// put in, and with no folder for them the drafts are shown on cards.
	d.decide.Lock()
	d.thanks.Drafts = d.cfg.Thanks.Drafts() && folders.Drafts != ""
	d.thanks.Approval = d.cfg.Thanks.Approval() || folders.Drafts == ""
	d.remind.Composer.Drafts = d.cfg.Reminders.FollowupDrafts && folders.Drafts != ""
	d.decide.Unlock()
	return folders, nil
}

// Run watches INBOX, Sent and the capture folder until ctx ends, each on its own connection,
// with the decision and send loops, the alert, the control socket and the
// HTTP server beside them.
func (d *Daemon) Run(ctx context.Context) error {
	lock, err := lockDatabase(d.store.Path(), d.clock.Now(), d.log)
	if err != nil {
		return err
	}
	defer lock.release()
	// Health and the alert run from the start: the server may be down.
	var wg sync.WaitGroup
	wg.Go(func() { d.alertLoop(ctx) })
	srv, err := d.serveHTTP()
	if err != nil {
		return err
	}
	remindKick, sendKick := d.remindKick, d.sendKick
	ctl, err := d.listenControl(ctx)
	if err != nil {
		shutdownHTTP(srv)
		return err
	}
	defer ctl.Close()
	folders, err := d.discover(ctx)
	if ctx.Err() != nil {
		shutdownHTTP(srv)
		return nil // stopped while starting: a clean stop
	}
	if err != nil {
		shutdownHTTP(srv)
		return err
	}
	d.gate = &mailGate{last: folders.Inbox}
	sender := d.sender(folders, d.log.With("component", "outbox"))
	refold := make(chan inbox.Folders, 1)
	wg.Go(func() { d.watch(ctx, folders, remindKick, refold) })
	wg.Go(func() { d.decideLoop(ctx, remindKick, sendKick) })
	wg.Go(func() { d.sendLoop(ctx, sender, sendKick, refold) })
	wg.Go(func() { d.healthLoop(ctx, refold, sendKick) })
	<-ctx.Done()
	d.log.Info("stopping")
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	shutdownHTTP(srv)
	select {
	case <-done:
		return nil
	case <-time.After(shutdownGrace):
		return fmt.Errorf("stopped with watchers still running after %s", shutdownGrace)
	}
}

// discover connects until it can resolve the folders; the daemon keeps
// trying with backoff while the server is down rather than exiting.
func (d *Daemon) discover(ctx context.Context) (inbox.Folders, error) {
	for attempt := 0; ; attempt++ {
		conn, err := inbox.Dial(ctx, IMAPOptions(d.cfg), d.stats)
		if err == nil {
			folders, ferr := d.findFolders(ctx, conn)
			go conn.Close()
			if ferr == nil {
				return folders, nil
			}
			err = ferr
		}
		d.recordHealth(ctx, "imap", err)
		if ctx.Err() != nil {
			return inbox.Folders{}, ctx.Err()
		}
		delay := inbox.DefaultBackoff.Jittered(attempt + 1)
		d.log.Error("cannot open the mailbox; retrying", "in", delay.Round(time.Millisecond), "err", err)
		select {
		case <-ctx.Done():
			return inbox.Folders{}, nil
		case <-time.After(delay):
		}
	}
}

// onPass records health: a failure belongs to the mailbox connection as a
// whole ("imap"), which the next successful pass clears.
func (d *Daemon) onPass(ctx context.Context, res inbox.PassResult, err error) {
	if err != nil {
		d.recordHealth(ctx, "imap", err)
		return
	}
	d.counts.passed(res.Mailbox, res.New, d.clock.Now())
	if res.New > 0 {
		d.changed()
	}
	d.recordHealth(ctx, "imap:"+res.Mailbox, nil)
	d.recordHealth(ctx, "imap", nil)
	if res.New > 0 {
		d.log.Info("synced", "mailbox", res.Mailbox, "new", res.New, "last_uid", res.LastUID)
	}
}

// recordHealth keeps the component's health in memory (for /healthz) and
// in the store (for `gratitude status`, another process).
func (d *Daemon) recordHealth(ctx context.Context, component string, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	now := d.clock.Now()
	d.health.set(component, err, now)
	if serr := d.store.SetHealth(context.WithoutCancel(ctx), d.account, component, err, now); serr != nil {
		d.log.Error("cannot record health", "component", component, "err", serr)
	}
}

// serveHTTP starts the web page, /healthz and /metrics on http.listen
// (nil when off). A port already taken is an error: the page is part of
// what the owner was promised.
func (d *Daemon) serveHTTP() (*http.Server, error) {
	h := d.cfg.HTTP
	if !h.Enabled() {
		return nil, nil
	}
	page, err := d.webPage()
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", d.health.serveHTTP(d.clock))
	mux.HandleFunc("GET /metrics", d.serveMetrics)
	mux.Handle("/", page.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: 64 << 10}
	ln, err := net.Listen("tcp", h.Listen)
	if err != nil {
		return nil, fmt.Errorf("http: cannot listen on %s: %w; set http.listen to a free port, or off", h.Listen, err)
	}
	go func() {
		var err error
		if h.TLS() {
			err = srv.ServeTLS(ln, h.TLSCert, h.TLSKey)
		} else {
			err = srv.Serve(ln)
		}
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			d.log.Error("http server failed; the web page, /healthz and /metrics are unavailable", "listen", h.Listen, "err", err)
		}
	}()
	d.log.Info("web page", "url", h.URL, "sign_in", "gratitude open")
	return srv, nil
}

// shutdownHTTP stops the health server, if one runs, within a second.
func shutdownHTTP(srv *http.Server) {
	if srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
