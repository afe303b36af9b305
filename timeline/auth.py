"""Who is asking: the client's real address behind the load balancer, for login throttling.

django-axes locks a user out per user name and client address. Behind a load balancer every
request comes from the balancer's address, so without this a few bad passwords from anyone
locked the user out for everyone. `PROXY_COUNT` (`DJANGO_PROXY_COUNT`) says how many proxies
we trust; each appends the address it saw to X-Forwarded-For, so the client's address is the
PROXY_COUNT-th from the right. Anything before it was written by the client and is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address of the client, as the outermost trusted proxy saw it (REMOTE_ADDR when no
    proxy is trusted, or when the header does not have as many hops as trusted proxies)."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote
