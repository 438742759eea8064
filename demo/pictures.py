"""Stand-in pictures for demo content, drawn with Pillow: portraits with initials, photo-like scenes."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont


def picture(size, color, text, font_size):
    """A PNG with a colour gradient and a caption, standing in for a photo."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(c + (255 - c) * shade * 0.35) for c in color))
    try:  # Pillow's built-in font has no umlauts; DejaVu does where it is installed.
        font = ImageFont.truetype("DejaVuSans.ttf", font_size)
    except OSError:
        font = ImageFont.load_default(size=font_size)
    draw.text((width / 2, height / 2), text, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue())


def photo(size, color, subject_at, label):
    """A JPEG that behaves like a photo for the renditions: sky, ground, grain and one subject at ``subject_at``.

    ``subject_at`` (fractions of width and height) is where the subject sits, and
    so the focal point the demo gives the picture.
    """
    width, height = size
    horizon = int(height * 0.62)
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        if y < horizon:
            shade = y / horizon
            tone = tuple(int(c + (255 - c) * (0.55 - 0.4 * shade)) for c in color)
        else:
            shade = (y - horizon) / (height - horizon)
            tone = tuple(int(c * (0.55 - 0.25 * shade)) for c in color)
        draw.line([(0, y), (width, y)], fill=tone)
    grain = Image.effect_noise(size, 28).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    draw = ImageDraw.Draw(image)
    x, y = subject_at[0] * width, subject_at[1] * height
    radius = min(size) * 0.16
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(250, 250, 245), outline=(30, 30, 30), width=6)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", int(radius * 0.32))
    except OSError:
        font = ImageFont.load_default(size=int(radius * 0.32))
    draw.text((x, y), label, fill=(30, 30, 30), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return ContentFile(buffer.getvalue())
