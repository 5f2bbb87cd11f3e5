# Varnish in front of the portals' app servers:
#   varnishd -a :80 -f /path/to/deploy/varnish/default.vcl -s malloc,1G
# backends.vcl names the app servers (edit it for your machines); portal.vcl is the caching policy.
vcl 4.1;

import directors;
import std;

include "./backends.vcl";
include "./portal.vcl";
