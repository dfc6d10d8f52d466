package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// csp allows the page's own scripts, styles and images, frames only the
// page's own draft previews, and nothing from elsewhere.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// previewCSP is a draft's HTML preview: shown sandboxed, inline styles
// only, no script, nothing fetched.
const previewCSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"

// secure sets the headers every answer carries.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		if s.https {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses a request for any host but the page's own: a page
// elsewhere that points its name at this machine (DNS rebinding) gets
// nothing.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts[strings.ToLower(r.Host)] {
			s.log.Warn("web: request for a foreign host refused", "host", r.Host, "remote", r.RemoteAddr)
			http.Error(w, "421 this server answers only for "+s.hostList+" (see http.url)", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// checkPeer, behind a proxy, answers only the proxy (and this machine).
func (s *Server) checkPeer(next http.Handler) http.Handler {
	if !s.proxy.IsValid() {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ap, err := netip.ParseAddrPort(r.RemoteAddr)
		if err != nil || !(s.proxy.Contains(ap.Addr().Unmap()) || ap.Addr().IsLoopback()) {
			s.log.Warn("web: request not through the proxy refused", "remote", r.RemoteAddr)
			http.Error(w, "403 only the proxy at http.proxy_address may connect", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowedHosts is the Host values the page answers: the name in
// http.url, with and without its scheme's default port (a browser leaves
// it out, other clients may not), and, listening on loopback, this
// machine's names for the port.
func allowedHosts(pageURL, listen string) map[string]bool {
	hosts := map[string]bool{}
	if scheme, rest, ok := strings.Cut(pageURL, "://"); ok {
		host := strings.ToLower(strings.TrimSuffix(rest, "/"))
		def := map[string]string{"http": "80", "https": "443"}[strings.ToLower(scheme)]
		hosts[host] = true
		if name, port, err := net.SplitHostPort(host); err == nil {
			if port == def {
				hosts[bracketed(name)] = true
			}
		} else if def != "" {
			hosts[net.JoinHostPort(strings.Trim(host, "[]"), def)] = true
		}
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return hosts
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
		for _, name := range []string{"127.0.0.1", "localhost", "[::1]"} {
			hosts[name+":"+port] = true
		}
	}
	return hosts
}

// bracketed writes an IPv6 address as a Host header does: in brackets.
func bracketed(name string) string {
	if strings.Contains(name, ":") {
		return "[" + name + "]"
	}
	return name
}
