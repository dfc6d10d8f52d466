package config

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// http checks the web page's settings: where it listens, the address the
// owner opens, and that a page reachable from other machines has a
// password and TLS.
func (r *raw) http(h *HTTP) {
	if !r.listen(h) {
		return
	}
	r.httpURL(h)
	r.passwordHash(h.PasswordHash)
	r.tlsFiles(h)
	r.proxy(h)
	host, _, _ := net.SplitHostPort(h.Listen)
	if isLoopback(host) || !r.ok("http.listen") {
		return
	}
	var missing []string
	if h.PasswordHash == "" {
		missing = append(missing, "http.password_hash (make one with `gratitude passwd`)")
	}
	if !h.TLS() && !h.BehindProxy {
		missing = append(missing, "http.tls_cert and http.tls_key (or http.behind_proxy: true with http.proxy_address)")
	}
	if len(missing) > 0 {
		r.fail("http.listen", fmt.Sprintf("%s is reachable from other machines, so it needs %s; or listen on 127.0.0.1:%s",
			h.Listen, strings.Join(missing, " and "), portOf(h.Listen)))
	}
}

// listen checks http.listen and reports whether the server runs.
func (r *raw) listen(h *HTTP) bool {
	const key = "http.listen"
	if h.Listen == "" {
		h.Listen = DefaultHTTPListen
	}
	if strings.EqualFold(h.Listen, "off") {
		h.Listen = ""
		return false
	}
	if !r.ok(key) {
		return false
	}
	_, port, err := net.SplitHostPort(h.Listen)
	if err != nil {
		r.fail(key, fmt.Sprintf("must be host:port like %s, or off, got %q", DefaultHTTPListen, h.Listen))
		return false
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		r.fail(key, fmt.Sprintf("port must be a number between 1 and 65535, got %q", port))
		return false
	}
	return true
}

// httpURL checks http.url, or makes it from the listen address.
func (r *raw) httpURL(h *HTTP) {
	const key = "http.url"
	if h.URL == "" {
		scheme := "http"
		if h.TLS() {
			scheme = "https"
		}
		host, port, _ := net.SplitHostPort(h.Listen)
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "127.0.0.1"
		}
		h.URL = scheme + "://" + net.JoinHostPort(host, port)
		return
	}
	u, err := url.Parse(h.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		r.fail(key, fmt.Sprintf("must be the page's address like https://gratitude.example.org or http://127.0.0.1:8765, got %q", h.URL))
		return
	}
	h.URL = strings.TrimSuffix(h.URL, "/")
}

// passwordHash checks that http.password_hash is a bcrypt or argon2id hash.
func (r *raw) passwordHash(hash string) {
	if hash == "" || strings.HasPrefix(hash, "$argon2id$") {
		return
	}
	for _, p := range []string{"$2a$", "$2b$", "$2y$"} {
		if strings.HasPrefix(hash, p) && len(hash) == 60 {
			return
		}
	}
	r.fail("http.password_hash", "must be a bcrypt or argon2id hash as `gratitude passwd` prints, never the password itself")
}

// tlsFiles checks that http.tls_cert and http.tls_key come together and
// can be read.
func (r *raw) tlsFiles(h *HTTP) {
	if (h.TLSCert == "") != (h.TLSKey == "") {
		r.fail("http.tls_cert", "http.tls_cert and http.tls_key go together: set both, or neither")
		return
	}
	for key, path := range map[string]string{"http.tls_cert": h.TLSCert, "http.tls_key": h.TLSKey} {
		if path == "" {
			continue
		}
		if _, err := os.Stat(path); err != nil {
			r.fail(key, fmt.Sprintf("cannot read %s: %v", path, err))
		}
	}
}

// proxy checks http.behind_proxy and http.proxy_address.
func (r *raw) proxy(h *HTTP) {
	const key = "http.proxy_address"
	if !h.BehindProxy {
		if h.ProxyAddress != "" {
			r.fail(key, "is only used with http.behind_proxy: true")
		}
		return
	}
	if h.ProxyAddress == "" {
		r.fail(key, "http.behind_proxy: true needs the proxy's address (an IP like 10.0.0.2, or a range like 10.0.0.0/24), the only peer the page will answer")
		return
	}
	if _, err := ProxyPrefix(h.ProxyAddress); err != nil {
		r.fail(key, fmt.Sprintf("must be an IP address or a range like 10.0.0.0/24, got %q", h.ProxyAddress))
	}
}

// ProxyPrefix parses http.proxy_address: an IP is a prefix of one address.
func ProxyPrefix(s string) (netip.Prefix, error) {
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()), nil
}

// portOf returns the port of host:port.
func portOf(hostport string) string {
	_, port, _ := net.SplitHostPort(hostport)
	return port
}
