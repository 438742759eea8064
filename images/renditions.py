"""Renditions: each picture in the sizes and formats of each place it appears (django-imagekit).

A slot is a place on the site: a card, the lead story, the top of an article,
a figure in the body, an author portrait, the Open Graph preview. Each has an
aspect ratio (or keeps the picture's own), the widths a browser may choose
from (``srcset``) and how wide it is shown (``sizes``). Every rendition exists
as WebP and as JPEG (the fallback in ``<picture>``); crops keep the editor's
focal point in the middle as far as the picture allows.

Renditions are generated when a picture is saved (``generate_renditions``)
and stored on the configured storage (local disk or S3), under names made
from the picture, the size, the crop and the format; a page only computes
their URLs (imagekit's ``Optimistic`` strategy never looks at the storage
while serving).
"""

from dataclasses import dataclass

from imagekit import ImageSpec
from imagekit.cachefiles import ImageCacheFile
from pilkit.processors import ResizeToFill, ResizeToFit

FORMATS = {"webp": ("WEBP", "image/webp", {"quality": 78}), "jpeg": ("JPEG", "image/jpeg", {"quality": 80, "progressive": True})}


@dataclass(frozen=True)
class Slot:
    ratio: tuple | None  # width, height; None keeps the picture's own proportions
    widths: tuple
    sizes: str
    formats: tuple = ("webp", "jpeg")


SLOTS = {
    "card": Slot((16, 9), (320, 640, 960), "(max-width: 40rem) calc(100vw - 2rem), 22rem"),  # 960: phones at 3×
    "lead": Slot((16, 9), (640, 1200), "(max-width: 40rem) calc(100vw - 2rem), 42rem"),
    "article": Slot((16, 9), (640, 960, 1440), "(max-width: 48rem) calc(100vw - 2rem), 46rem"),
    "inline": Slot(None, (640, 960, 1440), "(max-width: 48rem) calc(100vw - 2rem), 46rem"),
    "portrait": Slot((1, 1), (96, 192, 320), "10rem"),
    "og": Slot((1200, 630), (1200,), "1200px", formats=("jpeg",)),
}


class Rendition(ImageSpec):
    cachefile_strategy = "imagekit.cachefiles.strategies.Optimistic"

    def __init__(self, source, *, size, anchor, image_format):
        super().__init__(source=source)
        width, height = size
        self.processors = [ResizeToFill(width, height, anchor=anchor)] if anchor else [ResizeToFit(width, height)]
        self.format, _mime, self.options = FORMATS[image_format]


def centred_anchor(focal, source_size, size):
    """pilkit's anchor (0–1 along the space left over) that puts the focal point in the middle of the crop."""
    scale = max(size[0] / source_size[0], size[1] / source_size[1])
    anchor = []
    for axis in (0, 1):
        covered, wanted = source_size[axis] * scale, size[axis]
        spare = covered - wanted
        anchor.append(0.5 if spare < 1 else min(1.0, max(0.0, (focal[axis] * covered - wanted / 2) / spare)))
    return tuple(round(value, 3) for value in anchor)


def sizes_for(slot, source_size):
    """(width, height) of each rendition: the slot's widths up to the picture's own width, at least one."""
    source_width, source_height = source_size
    widths = [width for width in slot.widths if width <= source_width] or [min(slot.widths[0], source_width)]
    if slot.ratio is None:
        return [(width, max(1, round(source_height * width / source_width))) for width in widths]
    return [(width, max(1, round(width * slot.ratio[1] / slot.ratio[0]))) for width in widths]


def rendition_files(file, slot, focal_point, source_size):
    """{format: [(ImageCacheFile, width, height), …]} of a picture in a slot."""
    files = {}
    for image_format in slot.formats:
        files[image_format] = [
            (
                ImageCacheFile(Rendition(
                    file, size=size, image_format=image_format,
                    anchor=centred_anchor(focal_point, source_size, size) if slot.ratio else None,
                )),
                *size,
            )
            for size in sizes_for(slot, source_size)
        ]
    return files


LIBRARY_SLOTS = ("card", "lead", "article", "inline", "og")


def generate_renditions(file, size, focal_point=(0.5, 0.5), slots=LIBRARY_SLOTS):
    """Make (once) every rendition of ``file`` (``size`` pixels wide and high) for the given slots."""
    for name in slots:
        for renditions in rendition_files(file, SLOTS[name], focal_point, size).values():
            for cache_file, _width, _height in renditions:
                cache_file.generate()


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` element needs: one ``<source>`` per modern format, the JPEG ``<img>``."""

    sources: list  # (mime type, srcset)
    src: str
    srcset: str
    width: int
    height: int
    sizes: str


def picture(file, size, slot_name, focal_point=(0.5, 0.5)):
    """The renditions of ``file`` (``size`` pixels wide and high) for a slot."""
    slot = SLOTS[slot_name]
    files = rendition_files(file, slot, focal_point, size)

    def srcset(renditions):
        return ", ".join(f"{cache_file.url} {width}w" for cache_file, width, _height in renditions)

    fallback = files[slot.formats[-1]]
    default, width, height = fallback[min(1, len(fallback) - 1)]
    return Picture(
        sources=[(FORMATS[name][1], srcset(files[name])) for name in slot.formats[:-1]],
        src=default.url, srcset=srcset(fallback), width=width, height=height, sizes=slot.sizes,
    )


def open_graph_url(image):
    """The 1200×630 JPEG of a library picture that link previews in social networks and messengers show."""
    return picture(image.file, image.size, "og", image.focal_point).src


def thumbnail_url(image):
    """A small rendition of a library picture, for the admin's lists and pickers."""
    return picture(image.file, image.size, "card", image.focal_point).src
