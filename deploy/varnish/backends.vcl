# The app servers (gunicorn), one line each, and who may send PURGE/BAN (the task workers).
# The probe asks for a real page of the network site, over "https" as the TLS proxy would say: a
# server that cannot build it leaves the rotation. /healthz is not used here because it also fails
# when the task queue lags, which must not take the pages down.
probe app_probe {
    .request =
        "GET /it/ HTTP/1.1"
        "Host: localhost"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 5s;
    .timeout = 3s;
    .window = 5;
    .threshold = 3;
}

backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = app_probe; .first_byte_timeout = 30s; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = app_probe; .first_byte_timeout = 30s; }
backend app3 { .host = "127.0.0.1"; .port = "8003"; .probe = app_probe; .first_byte_timeout = 30s; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
    app.add_backend(app3);
}

# Purges come from the task workers. A TLS proxy on one of these addresses must refuse PURGE and BAN
# from the internet, or anyone could empty the cache through it.
acl purgers {
    "127.0.0.1";
    "::1";
}
