"""Django's PostgreSQL backend with a health check that gives up.

Django checks a reused connection with ``SELECT 1`` before each request
(``CONN_HEALTH_CHECKS``). Against a server that froze (SIGSTOP, a hung host)
that query would wait until gunicorn kills the worker. Here the check waits at
most ``HEALTH_CHECK_SECONDS``; a silent server's connection is dropped, the
reconnect gives up after ``connect_timeout``, and the reader gets the 503 page.
"""

import select

from django.db.backends.postgresql import base

HEALTH_CHECK_SECONDS = 1.0


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        if self.connection is None:
            return False
        pgconn = self.connection.pgconn
        try:
            pgconn.send_query(b"SELECT 1")
            while pgconn.flush():
                select.select([], [pgconn.socket], [], HEALTH_CHECK_SECONDS)
            while True:
                pgconn.consume_input()
                if not pgconn.is_busy():
                    break
                readable, _, _ = select.select([pgconn.socket], [], [], HEALTH_CHECK_SECONDS)
                if not readable:
                    return False  # the server does not answer
            results = []
            while (result := pgconn.get_result()) is not None:
                results.append(result)
        except Exception:  # any failure of the check means: do not reuse this connection
            return False
        return bool(results) and all(result.status == 2 for result in results)  # PGRES_TUPLES_OK
