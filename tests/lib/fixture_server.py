#!/usr/bin/env python3
"""fixture_server.py PORT_FILE DIR: a local HTTP server for the feed tests.

Serves files from DIR, plus behaviours real feeds show: ETag/304, a 500, a
404, a slow page, a huge page, a page in Latin-1 with its charset only in the
HTTP header, a page that fails once (503) and then is served.  Writes the chosen port to PORT_FILE.  Loopback only."""
import http.server
import os
import sys
import time

DIR = sys.argv[2]
FLAKY = {}  # path -> requests so far: /flaky.html answers 503 to its first


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8", headers=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/error.xml":
            return self.send(500, b"server error")
        if p == "/flaky.html":  # a page whose server fails for a while, then serves it
            FLAKY[p] = FLAKY.get(p, 0) + 1
            if FLAKY[p] == 1:
                return self.send(503, b"service unavailable")
        if p == "/slow.html":
            time.sleep(2)
            return self.send(200, open(os.path.join(DIR, "a1.html"), "rb").read())
        if p == "/huge.html":
            return self.send(200, b"<html><body>" + b"<p>filler text " * 700000 + b"</body></html>")
        if p == "/latin1.html":
            body = open(os.path.join(DIR, "latin1.html"), encoding="utf-8").read().encode("latin-1")
            return self.send(200, body, "text/html; charset=ISO-8859-1")
        path = os.path.join(DIR, p.lstrip("/"))
        if not os.path.isfile(path) or ".." in p:
            return self.send(404, b"not found")
        body = open(path, "rb").read()
        if p.endswith(".xml"):  # feeds link to pages on this server
            body = body.replace(b"http://HOST/", ("http://127.0.0.1:%d/" % self.server.server_address[1]).encode())
        etag = '"%x"' % (hash(body) & 0xFFFFFFFF)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        ctype = "application/rss+xml" if p.endswith(".xml") else "text/html; charset=utf-8"
        self.send(200, body, ctype, {"ETag": etag})


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(srv.server_address[1]))
srv.serve_forever()
