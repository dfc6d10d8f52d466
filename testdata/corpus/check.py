#!/usr/bin/env python3
"""Sanity checks for the classifier corpus: run `python3 check.py` in this directory.

Every .eml must parse without defects, use CRLF only, keep headers ASCII
(RFC 2047 for anything else), and every leaf part must decode with its
declared transfer encoding and charset. expect.yaml must have exactly one
entry per .eml, and a few expectations are cross-checked against the bytes.
"""
import base64, binascii, email, email.header, email.policy, email.utils, glob, os, re, sys

try:
    import yaml
except ImportError:
    yaml = None

os.chdir(os.path.dirname(os.path.abspath(__file__)))
problems = []

def bad(name, why):
    problems.append("%s: %s" % (name, why))

def text_of(part):
    """Decoded text of a leaf part (HTML crudely stripped)."""
    raw = part.get_payload(decode=True) or b""
    cs = part.get_content_charset() or "us-ascii"
    s = raw.decode(cs)
    if part.get_content_type() == "text/html":
        s = re.sub(r"(?is)<(style|head)\b.*?</\1>", " ", s)
        s = re.sub(r"<[^>]+>", " ", s)
        for a, b in (("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&#39;", "'"), ("&quot;", '"')):
            s = s.replace(a, b)
    return s

def check_leaf(name, part, where):
    cte = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    # the parser keeps undecoded bytes as surrogate escapes in _payload
    raw = part._payload.encode("ascii", "surrogateescape") if isinstance(part._payload, str) else b""
    lines = raw.split(b"\n")
    if cte == "7bit" and any(b > 127 for b in raw):
        bad(name, "%s: 8-bit bytes under 7bit" % where)
    if any(len(l.rstrip(b"\r")) > 998 for l in lines):
        bad(name, "%s: line longer than 998" % where)
    if cte == "quoted-printable":
        if any(len(l.rstrip(b"\r")) > 76 for l in lines):
            bad(name, "%s: QP line longer than 76" % where)
        if any(b > 127 for b in raw):
            bad(name, "%s: 8-bit bytes in QP" % where)
        if re.search(rb"=(?![0-9A-F]{2}|\r?\n|$)", raw):
            bad(name, "%s: malformed QP escape" % where)
    if cte == "base64":
        try:
            base64.b64decode(b"".join(l.strip() for l in lines), validate=True)
        except binascii.Error as e:
            bad(name, "%s: base64: %s" % (where, e))
    if part.get_content_maintype() == "text":
        cs = part.get_content_charset() or "us-ascii"
        try:
            (part.get_payload(decode=True) or b"").decode(cs)
        except (UnicodeDecodeError, LookupError) as e:
            bad(name, "%s: does not decode as %s: %s" % (where, cs, e))

def walk(name, msg, where="top"):
    for d in msg.defects:
        bad(name, "%s: defect %r" % (where, d))
    for k, v in msg.items():
        try:
            str(email.header.make_header(email.header.decode_header(v)))
        except Exception as e:
            bad(name, "%s: header %s does not decode: %s" % (where, k, e))
    if msg.is_multipart():
        for i, p in enumerate(msg.get_payload()):
            walk(name, p, "%s/%d" % (where, i))
    elif msg.get_content_type() == "message/rfc822":
        for p in msg.get_payload():
            walk(name, p, where + "/rfc822")
    else:
        check_leaf(name, msg, where + "(" + msg.get_content_type() + ")")

def body_text(msg):
    out = []
    for p in msg.walk():
        if not p.is_multipart() and p.get_content_maintype() == "text" and not p.get_filename():
            try:
                out.append(text_of(p))
            except Exception:
                pass
    return "\n".join(out)

files = sorted(glob.glob("*.eml"))
msgs = {}
for f in files:
    data = open(f, "rb").read()
    if re.search(rb"(?<!\r)\n", data) or re.search(rb"\r(?!\n)", data):
        bad(f, "bare LF or CR (must be CRLF)")
    head = data.split(b"\r\n\r\n", 1)[0]
    if any(b > 127 for b in head):
        bad(f, "non-ASCII bytes in the header (use RFC 2047)")
    email.message_from_bytes(data)  # the compat32 parse the brief asks for
    m = email.message_from_bytes(data, policy=email.policy.compat32)
    msgs[f] = m
    walk(f, m)

ids = {}
for f, m in msgs.items():
    ids.setdefault((m.get("Message-ID") or "").strip(), []).append(f)
for mid, fs in ids.items():
    if len(fs) > 1 and mid != "<5b0f3c2e-9d71-4f8a-b6e2-3a4c1d7e9f05@example.org>":
        bad(",".join(fs), "share Message-ID %s" % mid)

if yaml is None:
    print("PyYAML missing: expect.yaml not checked")
else:
    exp = yaml.safe_load(open("expect.yaml", encoding="utf-8"))
    for f in set(exp) ^ set(files):
        bad(f, "in expect.yaml xor on disk")
    for f, e in exp.items():
        m = msgs.get(f)
        if m is None:
            continue
        def addr_of(k):
            return email.utils.parseaddr(str(email.header.make_header(email.header.decode_header(m.get(k, "")))))[1].lower()
        frm = addr_of("From")
        # a list that rewrote From names the author in X-Original-From or Reply-To
        authors = {frm, addr_of("X-Original-From"), addr_of("Reply-To")} if " via " in m.get("From", "") else {frm}
        if e.get("from") and e["from"].lower() not in authors:
            bad(f, "from %s but header says %s" % (e["from"], frm))
        if e.get("class") in ("ignored", "quarantined") and not e.get("reason"):
            bad(f, "%s without reason" % e["class"])
        if e.get("class") not in ("ignored", "quarantined", "held") and e.get("reason"):
            bad(f, "reason on a class that takes none")
        text = body_text(m)
        if e.get("excerpt_contains") and e["excerpt_contains"] not in text:
            bad(f, "excerpt_contains %r not in the body" % e["excerpt_contains"])
        fw = e.get("forward")
        if fw:
            inner = text + "\n" + "\n".join(str(p) for p in m.walk() if p.get_content_type() == "message/rfc822")
            if fw["from"] not in inner:
                bad(f, "forward.from not in the forwarded block")
        for a in e.get("asked") or []:
            if a not in m.as_string() and a not in text:
                bad(f, "asked %s appears nowhere" % a)

for p in problems:
    print(p)
print("%d files, %d problems" % (len(files), len(problems)))
sys.exit(1 if problems else 0)
