"""gunicorn's own log lines (start, stop, worker timeouts) as JSON, like the app's (newsroom/request_logging.py).

gunicorn reads this file from its working directory: the project folder, or /app in the image.
Requests are logged by the app, so gunicorn's access log stays off.
"""

import os

if os.environ.get("LOG_FORMAT", "json").strip().lower() != "text":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "newsroom.request_logging.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "loggers": {"gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}},
    }
