"""Production settings plus what the benchmark needs to measure: a floor view and a query count per response."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
