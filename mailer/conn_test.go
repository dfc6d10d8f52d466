package mailer_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"gratitude/internal/testmail"
	"gratitude/mailer"
)

// sendAll sends raw to each recipient in turn over one Conn.
func sendAll(t *testing.T, c *mailer.Conn, raw []byte, to ...string) []error {
	t.Helper()
	var errs []error
	for _, rcpt := range to {
		errs = append(errs, c.Send(sender, []string{rcpt}, raw, nil, nil))
	}
	return errs
}

func TestAConnCarriesSeveralMessagesOverOneConnection(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	c := mailer.NewConn(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure))
	if n := srv.Connections(); n != 0 {
		t.Fatalf("%d connections before the first Send, want none", n)
	}
	accepted := 0
	for _, rcpt := range []string{bob, "carol@example.org", "dan@example.org"} {
		if err := c.Send(sender, []string{rcpt}, render(t, thankYou()), nil, func() { accepted++ }); err != nil {
			t.Fatalf("Send to %s: %v", rcpt, err)
		}
	}
	if err := c.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if n, m := srv.Connections(), len(srv.Messages()); n != 1 || m != 3 || accepted != 3 {
		t.Errorf("%d connections, %d messages, %d accepted; want 1, 3, 3", n, m, accepted)
	}
}

func TestAConnResetsAfterARefusedRecipientAndSendsTheNext(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, arg string) *smtp.SMTPError {
		if stage == testmail.SMTPRcpt && arg == "nobody@example.org" {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		return nil
	}})
	c := mailer.NewConn(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	raw := render(t, thankYou())
	errs := sendAll(t, c, raw, "nobody@example.org", bob)
	sendErr(t, errs[0], "RCPT TO nobody@example.org", 550, false)
	if errs[1] != nil {
		t.Fatalf("the message after the refused one: %v", errs[1])
	}
	delivered(t, srv, raw, bob)
	if n := srv.Connections(); n != 1 {
		t.Errorf("%d connections; a refusal should not cost a new one", n)
	}
}

func TestAConnDialsAgainWhenTheServerHungUpBetweenMessages(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	c := mailer.NewConn(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	raw := render(t, thankYou())
	if err := c.Send(sender, []string{bob}, raw, nil, nil); err != nil {
		t.Fatal(err)
	}
	srv.HangUp() // an idle timeout on the server's side
	if err := c.Send(sender, []string{"carol@example.org"}, raw, nil, nil); err != nil {
		t.Fatalf("Send after the server hung up: %v", err)
	}
	if n, m := srv.Connections(), len(srv.Messages()); n != 2 || m != 2 {
		t.Errorf("%d connections, %d messages; want 2 and 2, each message once", n, m)
	}
}

func TestAConnDialsAgainWhenTheServerSays421BeforeAMessage(t *testing.T) {
	var mails atomic.Int32
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPMail && mails.Add(1) == 2 {
			return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 7, 0}, Message: "too many messages on this connection"}
		}
		return nil
	}})
	c := mailer.NewConn(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	for i, err := range sendAll(t, c, render(t, thankYou()), bob, "carol@example.org") {
		if err != nil {
			t.Errorf("message %d: %v", i+1, err)
		}
	}
	if n, m := srv.Connections(), len(srv.Messages()); n != 2 || m != 2 {
		t.Errorf("%d connections, %d messages; want 2 and 2", n, m)
	}
}

func TestAConnDoesNotResendAMessageTheServerMayHaveTaken(t *testing.T) {
	tryLater := &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "shutting down"}
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: testmail.FailOnce(testmail.SMTPData, tryLater)})
	c := mailer.NewConn(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	raw := render(t, thankYou())
	errs := sendAll(t, c, raw, bob, bob)
	// A 421 after DATA is the caller's to retry later, not the Conn's now.
	sendErr(t, errs[0], "DATA", 421, true)
	if errs[1] != nil {
		t.Fatalf("the next message: %v", errs[1])
	}
	if n, m := srv.Connections(), len(srv.Messages()); n != 2 || m != 1 {
		t.Errorf("%d connections, %d messages; want a new connection after the 421, and one message", n, m)
	}
}

func TestAConnDoesNotDialAgainWhenAKeptConnectionIsOnlySlow(t *testing.T) {
	var mails atomic.Int32
	stall := make(chan struct{})
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPMail && mails.Add(1) == 2 {
			<-stall // the server is alive but does not answer in time
		}
		return nil
	}})
	t.Cleanup(func() { close(stall) }) // runs before the server closes
	opts := options(t, srv.Addr(), mailer.SecurityInsecure)
	opts.Timeout = 300 * time.Millisecond
	c := mailer.NewConn(deadline(t), opts)
	defer c.Close()
	errs := sendAll(t, c, render(t, thankYou()), bob, "carol@example.org")
	if errs[0] != nil {
		t.Fatal(errs[0])
	}
	sendErr(t, errs[1], "MAIL FROM", 0, true)
	if n := srv.Connections(); n != 1 {
		t.Errorf("%d connections; a slow server is not one that hung up", n)
	}
}

func TestAStopWhileTheServerAnswersTheFinalDotWaitsForItsAnswer(t *testing.T) {
	reached, answer := make(chan struct{}), make(chan struct{})
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPData {
			close(reached) // the server has the whole message, final dot included
			<-answer
		}
		return nil
	}})
	ctx, cancel := context.WithCancel(deadline(t))
	c := mailer.NewConn(ctx, options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	go func() {
		<-reached
		cancel()
		// Give the stop time to reach the connection; were it late, the
		// test would pass without testing anything, never fail wrongly.
		time.Sleep(50 * time.Millisecond)
		close(answer)
	}()
	accepted := 0
	if err := c.Send(sender, []string{bob}, render(t, thankYou()), nil, func() { accepted++ }); err != nil {
		t.Fatalf("a stop after the final dot lost the server's answer: %v", err)
	}
	if accepted != 1 || len(srv.Messages()) != 1 {
		t.Errorf("accepted %d times, server has %d messages; want 1 and 1", accepted, len(srv.Messages()))
	}
}

func TestAStopBeforeTheFinalDotEndsTheMessageThere(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	ctx, cancel := context.WithCancel(deadline(t))
	c := mailer.NewConn(ctx, options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	stop := func() error { cancel(); return nil } // stopped as the dot is about to go
	err := c.Send(sender, []string{bob}, render(t, thankYou()), stop, func() { t.Error("accepted after a stop before the dot") })
	sendErr(t, err, "DATA", 0, true)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("the server kept %d messages; one without its final dot is none", n)
	}
}

func TestBeforeDotRefusingEndsTheMessageWithoutItsDot(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	c := mailer.NewConn(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure))
	defer c.Close()
	raw := render(t, thankYou())
	errLost := errors.New("lease lost")
	err := c.Send(sender, []string{bob}, raw, func() error { return errLost }, func() { t.Error("accepted without a dot") })
	if !errors.Is(err, errLost) {
		t.Fatalf("Send = %v, want beforeDot's error", err)
	}
	if err := c.Send(sender, []string{bob}, raw, func() error { return nil }, nil); err != nil {
		t.Fatalf("the next message: %v", err)
	}
	delivered(t, srv, raw, bob)
	if n := srv.Connections(); n != 2 {
		t.Errorf("%d connections; the one left inside DATA must be dropped, and a new one dialed", n)
	}
}
