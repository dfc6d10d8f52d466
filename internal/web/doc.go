// Package web serves the owner's web page: Today, Requests, a Request,
// Drafts, People (with its chart of help by month, drawn as SVG) and
// Health, rendered on the server from html/template with embedded htmx
// for acting in place, and the ICS feed of what is coming. It owns the
// page's safety: sign-in by one-time link or password, session cookies,
// the Host check, cross-origin protection and the Content-Security-Policy.
// Every page reads through owner.Queries and every change goes through
// the owner's actions (owner.Linker for people); it decides nothing.
package web
