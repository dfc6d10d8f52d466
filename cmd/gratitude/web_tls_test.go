package main

import (
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"
)

// setHTTP replaces the world's http settings with the YAML flow map http.
func (w *loopWorld) setHTTP(http string) {
	w.t.Helper()
	cfg := readFile(w.t, w.config)
	if !strings.Contains(cfg, `http: {listen: "off"}`) {
		w.t.Fatalf("the config has no http line to replace:\n%s", cfg)
	}
	writeFile(w.t, w.config, strings.Replace(cfg, `http: {listen: "off"}`, "http: "+http, 1))
}

// webCert writes a certificate for 127.0.0.1 and its key beside the
// world's config, and returns their paths and a client that trusts it.
func (w *loopWorld) webCert() (certFile, keyFile string, client *http.Client) {
	w.t.Helper()
	now := time.Now()
	c, err := testmail.NewServerCert(&x509.Certificate{
		Subject: pkix.Name{CommonName: "127.0.0.1"}, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
	})
	if err != nil {
		w.t.Fatal(err)
	}
	dir := filepath.Dir(w.config)
	certFile, keyFile = filepath.Join(dir, "web.pem"), filepath.Join(dir, "web.key")
	writeFile(w.t, certFile, string(c.CertPEM))
	writeFile(w.t, keyFile, string(c.KeyPEM))
	pool := x509.NewCertPool()
	pool.AddCert(c.Cert)
	jar, _ := cookiejar.New(nil)
	return certFile, keyFile, &http.Client{Jar: jar, Timeout: 20 * time.Second,
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// waitForPage waits until the page answers /healthz through client.
func waitForPage(t *testing.T, client *http.Client, base string) {
	t.Helper()
	waitUntil(t, 30*time.Second, "the web page at "+base, func() bool {
		resp, err := client.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == http.StatusOK
	})
}

// `gratitude run` serves the page over HTTPS with http.tls_cert and
// tls_key: `open` prints an https link, it signs in with a Secure
// __Host- cookie, pages carry HSTS; plain HTTP on the port gets no page.
func TestTheWebPageOverHTTPS(t *testing.T) {
	w := newLoopWorld(t)
	port, err := testmail.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile, client := w.webCert()
	base := fmt.Sprintf("https://127.0.0.1:%d", port)
	w.setHTTP(fmt.Sprintf(`{listen: "127.0.0.1:%d", url: %q, tls_cert: %q, tls_key: %q}`, port, base, certFile, keyFile))
	w.startDaemon(time.Hour)
	waitForPage(t, client, base)
	link := w.openLink()
	if !strings.HasPrefix(link, base+"/signin/") {
		t.Fatalf("open printed %q, want a link under %s", link, base)
	}
	c := &webClient{t: t, base: base, http: client}
	c.signIn(link)
	u, _ := url.Parse(base)
	cookies := client.Jar.Cookies(u)
	if len(cookies) != 1 || cookies[0].Name != "__Host-gratitude" {
		t.Fatalf("cookies after signing in over HTTPS: %v, want the __Host- session", cookies)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Strict-Transport-Security"), "max-age=") || resp.TLS == nil {
		t.Errorf("Today over HTTPS: %d, HSTS %q", resp.StatusCode, resp.Header.Get("Strict-Transport-Security"))
	}
	plain := &http.Client{Timeout: 10 * time.Second}
	if resp, err := plain.Get(fmt.Sprintf("http://127.0.0.1:%d/signin", port)); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("plain HTTP to the HTTPS port: %d, want 400", resp.StatusCode)
		}
	}
}

// A page other machines can reach needs a password and TLS: `check` and
// `run` refuse http.listen 0.0.0.0 without them, naming what is missing
// and how to get it, and exit 2 (a config error) before doing anything.
func TestListeningBeyondLoopbackNeedsAPasswordAndTLS(t *testing.T) {
	w := newLoopWorld(t)
	certFile, keyFile, _ := w.webCert()
	hash := strings.TrimSpace(runBinWith(t, nil, "correct horse battery staple\n", "passwd").stdout)
	plain := readFile(t, w.config)
	for _, c := range []struct {
		http    string
		missing []string
	}{
		{`{listen: "0.0.0.0:8765"}`, []string{"http.password_hash", "gratitude passwd", "http.tls_cert", "http.behind_proxy"}},
		{`{listen: "0.0.0.0:8765", password_hash: '` + hash + `'}`, []string{"http.tls_cert"}},
		{fmt.Sprintf(`{listen: "[::]:8765", tls_cert: %q, tls_key: %q}`, certFile, keyFile), []string{"http.password_hash"}},
	} {
		writeFile(t, w.config, plain)
		w.setHTTP(c.http)
		for _, args := range [][]string{{"check"}, {"run"}, {"run", "--once"}} {
			r := w.cli(args...)
			if r.code != 2 || !strings.Contains(r.stderr, "http.listen") || !strings.Contains(r.stderr, "127.0.0.1:8765") {
				t.Errorf("%v with http %s: exit %d, want 2 naming http.listen and the loopback alternative\n%s", args, c.http, r.code, r.stderr)
			}
			for _, want := range c.missing {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("%v with http %s does not say %s:\n%s", args, c.http, want, r.stderr)
				}
			}
		}
	}
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("%d messages sent by refused runs", n)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(w.config), "g.db")); err == nil {
		t.Error("a refused run created the database")
	}
}

// `gratitude passwd` reads the password from stdin (no terminal) and
// prints a hash that, as http.password_hash, signs in with that password
// and no other; a short password is refused.
func TestPasswdHashSignsIn(t *testing.T) {
	const pw = "correct horse battery staple"
	r := runBinWith(t, nil, pw+"\n", "passwd")
	hash := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(r.stdout+r.stderr, pw) {
		t.Fatalf("passwd: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if short := runBinWith(t, nil, "short\n", "passwd"); short.code != 2 || short.stdout != "" {
		t.Errorf("a short password: exit %d, stdout %q", short.code, short.stdout)
	}
	w := newLoopWorld(t)
	port, err := testmail.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	w.setHTTP(fmt.Sprintf(`{listen: "127.0.0.1:%d", password_hash: '%s'}`, port, hash))
	w.startDaemon(time.Hour)
	waitForPage(t, http.DefaultClient, base)
	stranger := newWebClient(t, base)
	if code, body := stranger.do("POST", "/signin", url.Values{"password": {pw + "!"}}, nil); code != http.StatusForbidden {
		t.Errorf("a wrong password: %d\n%s", code, body)
	}
	c := newWebClient(t, base)
	waitUntil(t, 10*time.Second, "the password to sign in once the wait after the wrong one is over", func() bool {
		code, _ := c.do("POST", "/signin", url.Values{"password": {pw}}, nil)
		return code == http.StatusSeeOther
	})
	if code, body := c.do("GET", "/", nil, nil); code != http.StatusOK || !strings.Contains(body, "<h1>Today</h1>") {
		t.Errorf("Today after the password: %d\n%s", code, body)
	}
}
