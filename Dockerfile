FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

WORKDIR /app
RUN useradd --create-home --uid 1000 newsroom
COPY . .
RUN pip install --editable . \
    && mkdir -p /app/media /app/staticfiles \
    && chown -R newsroom:newsroom /app/media /app/staticfiles

USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
