# Caching policy of the portals (included by default.vcl after backends.vcl, which defines the
# director `app` and the acl `purgers`).
#
# - One object per host, URL and scheme (X-Forwarded-Proto); the language is in the URL (/it/, /en/).
# - Only what the app marks `Cache-Control: public, s-maxage=…` is kept: anonymous pages. Pages
#   built for one visitor (staff, forms with their CSRF token, redirects by language) are `private`.
# - Requests with a session or messages cookie (staff, thank-you pages, protected pages) bypass
#   the cache; other cookies (the CSRF cookie) do not split it and still reach the app.
# - PURGE /path bans every cached variant of that path on that host (?page=2, filters);
#   BAN / bans everything cached for that host. Both only from `purgers` (the task workers).
# - Grace: a page stays servable for a day after it expires, so while every app server is down
#   (or busy) the portals keep answering with the last copy; when they are healthy a stale copy is
#   served at most 10 s while a fresh one is fetched.

sub vcl_recv {
    set req.backend_hint = app.backend();
    set req.http.host = std.tolower(req.http.host);

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            ban("obj.http.X-Cache-Host == " + req.http.host + " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
        } else {
            ban("obj.http.X-Cache-Host == " + req.http.host);
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|healthz|documents)(/|$)") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies do not change an anonymous page: look it up without them, but hand them to
    # the app on a miss (a form page must see the visitor's CSRF cookie; it is never stored).
    if (req.http.Cookie) {
        set req.http.X-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Forwarded-Proto);
    # Falls through to the built-in vcl_hash: URL and Host.
}

sub vcl_backend_fetch {
    if (bereq.http.X-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Cookie;
        unset bereq.http.X-Cookie;
    }
}

sub vcl_backend_response {
    # A failed refresh of an expired page keeps the old copy (grace) instead of replacing it with the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Only pages the app declares shared; everything else goes straight through (and is remembered
    # as uncacheable for a minute, so requests for it are not queued behind one another).
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.ttl = 60s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.grace = 24h;
    # What PURGE and BAN match on (kept out of the answer in vcl_deliver).
    set beresp.http.X-Cache-Host = bereq.http.host;
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
}
