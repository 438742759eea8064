"""Stand-in pictures for demo content: a gradient with a caption, drawn with Pillow."""

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
