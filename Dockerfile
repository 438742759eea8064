# Two images from one file, both used by docker-compose.yml:
#   app   - the Django project (gunicorn, manage.py), static files collected at build time
#   proxy - nginx in front of it, serving those static files (deploy/nginx/nginx.conf)
# Build one with `docker build --target app .` (the last stage, proxy, is the default).

FROM python:3.12-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    STATIC_ROOT=/app/staticfiles \
    WEB_CONCURRENCY=3

WORKDIR /app
RUN useradd --uid 1000 --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin newsroom

# Dependencies first, pinned with hashes (requirements.lock, `make lock`): this layer is only
# rebuilt when the lockfile changes. The project itself is not installed: it runs from /app.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --only-binary=:all: -r requirements.lock

COPY . .

# Static files belong to the image (nginx serves the same files). The settings need SECRET_KEY
# only to serve requests, and DATABASE_URL only so that they don't start an embedded PostgreSQL:
# collectstatic connects to nothing.
RUN SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --noinput

# The code and the static files belong to root: the app can read them, not change them. Uploads go
# to S3 in docker-compose.yml; without S3_BUCKET they go to /app/media (mount a volume there).
RUN mkdir /app/media && chown 1000:1000 /app/media
VOLUME /app/media
USER 1000:1000
EXPOSE 8000
# Workers: WEB_CONCURRENCY (gunicorn reads it). Each request is logged by the app itself.
CMD ["gunicorn", "newsroom.wsgi", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm"]


FROM nginx:1.27-alpine AS proxy

RUN rm -f /etc/nginx/conf.d/default.conf
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY --from=app /app/staticfiles /srv/static
