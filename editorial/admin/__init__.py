"""The article admin with the editorial workflow, and the review queue."""

from . import articles, review  # noqa: F401  (modules register their admins)
