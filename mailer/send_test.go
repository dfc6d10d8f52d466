package mailer_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"gratitude/internal/testmail"
	"gratitude/mailer"
)

const (
	sender = "ada@example.org"
	bob    = "bob@example.org"
)

// options points SMTPOptions at addr, a "127.0.0.1:port" of a test server.
func options(t *testing.T, addr string, sec mailer.Security) *mailer.SMTPOptions {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	return &mailer.SMTPOptions{Host: host, Port: p, Security: sec, Timeout: 10 * time.Second}
}

func withPassword(o *mailer.SMTPOptions, user, pass string) *mailer.SMTPOptions {
	o.Username = user
	o.Password = func(context.Context) (string, error) { return pass, nil }
	return o
}

// deadline bounds a test's SMTP exchanges.
func deadline(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// sendErr asserts err is a *SendError at stage with code and temporariness.
func sendErr(t *testing.T, err error, stage string, code int, temporary bool) *mailer.SendError {
	t.Helper()
	var se *mailer.SendError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *mailer.SendError", err, err)
	}
	if se.Stage != stage || se.Code != code || se.Temporary != temporary {
		t.Errorf("SendError{Stage: %q, Code: %d, Temporary: %v}; want stage %q, code %d, temporary %v (%v)",
			se.Stage, se.Code, se.Temporary, stage, code, temporary, err)
	}
	return se
}

// delivered wants exactly one accepted message, raw unchanged, and returns it.
func delivered(t *testing.T, srv *testmail.SMTP, raw []byte, to ...string) testmail.Received {
	t.Helper()
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("server accepted %d messages, want 1", len(msgs))
	}
	got := msgs[0]
	if got.From != sender || strings.Join(got.To, ",") != strings.Join(to, ",") {
		t.Errorf("envelope %s -> %q, want %s -> %q", got.From, got.To, sender, to)
	}
	if !bytes.Equal(got.Data, raw) {
		t.Errorf("server received other bytes than Render's:\n got %q\nwant %q", got.Data, raw)
	}
	return got
}

func TestSendFailsTemporarilyOn451ThenDeliversOnce(t *testing.T) {
	tryLater := &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	for _, tc := range []struct{ stage, want string }{
		{testmail.SMTPData, "DATA"},
		{testmail.SMTPRcpt, "RCPT TO " + bob},
	} {
		t.Run(tc.stage, func(t *testing.T) {
			srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: testmail.FailOnce(tc.stage, tryLater)})
			opts, raw := options(t, srv.Addr(), mailer.SecurityInsecure), render(t, thankYou())
			err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw)
			sendErr(t, err, tc.want, 451, true)
			if n := len(srv.Messages()); n != 0 {
				t.Fatalf("server kept %d messages after answering 451", n)
			}
			if err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw); err != nil {
				t.Fatalf("second Send: %v", err)
			}
			delivered(t, srv, raw, bob)
		})
	}
}

func TestSendRefusedRecipientIsPermanentAndNamed(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, arg string) *smtp.SMTPError {
		if stage == testmail.SMTPRcpt && arg == bob {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		return nil
	}})
	err := mailer.Send(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure), sender,
		[]string{"carol@example.org", bob}, render(t, thankYou()))
	sendErr(t, err, "RCPT TO "+bob, 550, false)
	if want := "smtp: RCPT TO bob@example.org: 550 5.1.1 no such user"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server accepted %d messages, want none (all or nothing)", n)
	}
}

func TestSendToAClosedPortIsTemporary(t *testing.T) {
	port, err := testmail.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	opts := options(t, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), mailer.SecurityInsecure)
	err = mailer.Send(deadline(t), opts, sender, []string{bob}, render(t, thankYou()))
	sendErr(t, err, "connect", 0, true)
}

func TestSendWithAWrongPasswordIsPermanentAndSaysWhatToCheck(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Username: sender, Password: "right"})
	raw := render(t, thankYou())
	opts := withPassword(options(t, srv.Addr(), mailer.SecurityInsecure), sender, "wrong")
	err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw)
	sendErr(t, err, "auth", 535, false)
	if !strings.Contains(err.Error(), "check smtp.username and smtp.password") {
		t.Errorf("error %q gives no hint about the credentials", err)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("error %q shows the password", err)
	}
	opts = withPassword(options(t, srv.Addr(), mailer.SecurityInsecure), sender, "right")
	if err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw); err != nil {
		t.Fatalf("Send with the right password: %v", err)
	}
	delivered(t, srv, raw, bob)
}

func TestSendOverTLSVerifiesTheCertificate(t *testing.T) {
	for _, sec := range []mailer.Security{mailer.SecurityTLS, mailer.SecurityStartTLS} {
		t.Run(string(sec), func(t *testing.T) {
			srv := testmail.NewSMTP(t, testmail.SMTPOptions{TLS: true, Username: sender, Password: "pw"})
			addr := srv.Addr()
			if sec == mailer.SecurityTLS {
				addr = srv.TLSAddr()
			}
			raw := render(t, thankYou())
			opts := withPassword(options(t, addr, sec), sender, "pw")
			err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw)
			se := sendErr(t, err, "tls", 0, false)
			if !strings.Contains(se.Error(), "smtp.ca_file") {
				t.Errorf("error %q does not mention smtp.ca_file", se)
			}
			opts.CAFile = srv.CAFile()
			if err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw); err != nil {
				t.Fatalf("Send trusting the test CA: %v", err)
			}
			if got := delivered(t, srv, raw, bob); !got.TLS {
				t.Error("the message did not travel over TLS")
			}
		})
	}
}

func TestSendStartTLSRefusesAServerWithoutIt(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	err := mailer.Send(deadline(t), options(t, srv.Addr(), mailer.SecurityStartTLS), sender, []string{bob}, render(t, thankYou()))
	se := sendErr(t, err, "tls", 0, false)
	if !strings.Contains(se.Error(), "smtp.security") {
		t.Errorf("error %q does not point at smtp.security", se)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("sent %d messages in clear text", n)
	}
}

func TestSendEndsWhenTheContextEndsAndThatIsTemporary(t *testing.T) {
	reached, release := make(chan struct{}), make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPRcpt {
			close(reached)
			<-release // the server hangs before answering RCPT TO
		}
		return nil
	}})
	ctx, cancel := context.WithCancel(deadline(t))
	go func() {
		<-reached
		cancel()
	}()
	err := mailer.Send(ctx, options(t, srv.Addr(), mailer.SecurityInsecure), sender, []string{bob}, render(t, thankYou()))
	sendErr(t, err, "RCPT TO "+bob, 0, true)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
}

func TestCheckSaysWhichStepFailed(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Username: sender, Password: "right"})
	good := withPassword(options(t, srv.Addr(), mailer.SecurityInsecure), sender, "right")
	if err := mailer.Check(deadline(t), good); err != nil {
		t.Fatalf("Check: %v", err)
	}
	bad := withPassword(options(t, srv.Addr(), mailer.SecurityInsecure), sender, "wrong")
	sendErr(t, mailer.Check(deadline(t), bad), "auth", 535, false)
	odd := options(t, srv.Addr(), "ssl")
	if err := mailer.Check(deadline(t), odd); err == nil || !strings.Contains(err.Error(), "smtp.security") {
		t.Errorf("Check with security %q: %v, want an smtp.security error", odd.Security, err)
	}
}

// A message over the server's SIZE is refused before any of it is sent,
// for good, saying so (RFC 1870 section 6).
func TestAMessageOverTheServersSizeIsRefusedBeforeItIsSent(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{MaxMessageBytes: 2000})
	raw := []byte("From: ada@example.org\r\nTo: bob@example.org\r\nSubject: Long\r\n\r\n" + strings.Repeat("thanks again\r\n", 200))
	err := mailer.Send(deadline(t), options(t, srv.Addr(), mailer.SecurityInsecure), sender, []string{bob}, raw)
	se := sendErr(t, err, "MAIL FROM", 0, false)
	if !strings.Contains(se.Error(), "more than the 2000 the server takes (its SIZE)") || !mailer.RefusesTheMessage(err) {
		t.Errorf("error %q; want it to name the limit, and the message refused for good", se)
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("the server accepted %d messages", n)
	}
}

// Probe says what the server offers, and fails at the AUTH stage with
// what to do when a login is configured but the server offers no AUTH.
func TestProbeReadsTheServerAndNamesAMissingAUTH(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Username: sender, Password: "pw", MaxMessageBytes: 10 << 20})
	info, err := mailer.Probe(deadline(t), withPassword(options(t, srv.Addr(), mailer.SecurityInsecure), sender, "pw"))
	if err != nil || info.Size != 10<<20 || strings.Join(info.Auth, " ") != "PLAIN" {
		t.Fatalf("probe: %+v, %v; want SIZE 10 MiB and AUTH PLAIN", info, err)
	}
	bare := testmail.NewSMTP(t, testmail.SMTPOptions{})
	_, err = mailer.Probe(deadline(t), withPassword(options(t, bare.Addr(), mailer.SecurityInsecure), sender, "pw"))
	se := sendErr(t, err, "auth", 0, false)
	if !strings.Contains(se.Error(), "the server offers no AUTH at all") || !strings.Contains(se.Error(), "leave smtp.username empty") {
		t.Errorf("probe without AUTH: %q", se)
	}
}
