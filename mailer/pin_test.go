package mailer_test

import (
	"strings"
	"testing"

	"gratitude/internal/mailnet"
	"gratitude/internal/testmail"
	"gratitude/mailer"
)

// A go-smtp server presenting a certificate without subjectAltName: Go
// refuses it for 127.0.0.1 whatever CA is trusted, and the error says so
// with the pin to set; with that pin the message goes through over TLS;
// with another pin, nothing is sent and the error names both pins.
func TestSendToASelfSignedServerTrustsItsPinOnly(t *testing.T) {
	for _, sec := range []mailer.Security{mailer.SecurityTLS, mailer.SecurityStartTLS} {
		t.Run(string(sec), func(t *testing.T) {
			cert, err := testmail.CommonNameOnly("127.0.0.1")
			if err != nil {
				t.Fatal(err)
			}
			other, err := testmail.CommonNameOnly("127.0.0.1")
			if err != nil {
				t.Fatal(err)
			}
			srv := testmail.NewSMTP(t, testmail.SMTPOptions{TLS: true, Cert: cert, Username: sender, Password: "pw"})
			addr := srv.Addr()
			if sec == mailer.SecurityTLS {
				addr = srv.TLSAddr()
			}
			raw := render(t, thankYou())
			pin, wrong := mailnet.PinOf(cert.Cert), mailnet.PinOf(other.Cert)

			opts := withPassword(options(t, addr, sec), sender, "pw")
			opts.CAFile = srv.CAFile() // trusted, and still refused: no subjectAltName
			se := sendErr(t, mailer.Send(deadline(t), opts, sender, []string{bob}, raw), "tls", 0, false)
			for _, want := range []string{"only in its Common Name (CN=127.0.0.1), which Go no longer accepts", "to trust this certificate, set smtp.tls.pin: " + pin} {
				if !strings.Contains(se.Error(), want) {
					t.Errorf("error %q does not say %q", se, want)
				}
			}
			if strings.Contains(se.Error(), "set smtp.ca_file") {
				t.Errorf("error %q tells to set smtp.ca_file, which is set", se)
			}

			opts.Pin = wrong
			se = sendErr(t, mailer.Send(deadline(t), opts, sender, []string{bob}, raw), "tls", 0, false)
			if want := "the server's public key is " + pin + ", not smtp.tls.pin " + wrong; !strings.Contains(se.Error(), want) {
				t.Errorf("error %q does not say %q", se, want)
			}
			if mailer.RefusesTheMessage(se) || len(srv.Messages()) != 0 {
				t.Fatalf("a wrong pin: refuses the message %v, %d sent", mailer.RefusesTheMessage(se), len(srv.Messages()))
			}

			opts.Pin = pin
			if err := mailer.Send(deadline(t), opts, sender, []string{bob}, raw); err != nil {
				t.Fatalf("Send with the server's pin: %v", err)
			}
			if got := delivered(t, srv, raw, bob); !got.TLS {
				t.Error("the message did not travel over TLS")
			}
		})
	}
}
