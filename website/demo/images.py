"""Abstract demo pictures drawn with Pillow at run time: nothing is downloaded or committed."""

import hashlib
import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from .api import get_demo_collection

WIDTH, HEIGHT = 1600, 900

# Harbour and Baltic colours: deep blue, harbour blue, teal, sand, brick red of the old town.
PALETTES = {
    "harbour": ((10, 45, 90), (28, 103, 160), [(240, 200, 120), (255, 255, 255), (84, 176, 190)]),
    "fjord": ((8, 60, 80), (40, 140, 150), [(250, 235, 200), (190, 70, 60), (255, 255, 255)]),
    "evening": ((30, 30, 80), (170, 80, 90), [(255, 210, 140), (255, 255, 255), (70, 130, 180)]),
    "border": ((12, 50, 100), (200, 40, 50), [(255, 255, 255), (250, 210, 90), (90, 160, 210)]),
    "green": ((15, 70, 60), (80, 160, 110), [(250, 240, 190), (255, 255, 255), (30, 110, 160)]),
}


def _gradient(draw, top, bottom):
    for y in range(HEIGHT):
        ratio = y / (HEIGHT - 1)
        colour = tuple(round(top[i] + (bottom[i] - top[i]) * ratio) for i in range(3))
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def draw_picture(key, palette="harbour"):
    """JPEG bytes of an abstract picture; the same key always gives the same picture."""
    from PIL import Image, ImageDraw

    top, bottom, accents = PALETTES[palette]
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))  # noqa: S311 - decoration only
    base = Image.new("RGB", (WIDTH, HEIGHT))
    _gradient(ImageDraw.Draw(base), top, bottom)

    overlay = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    # Soft circles (light on the water).
    for _ in range(rng.randint(5, 9)):
        radius = rng.randint(60, 320)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT // 2 + 200)
        colour = (*rng.choice(accents), rng.randint(35, 90))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    # Waves: layered bands along the bottom.
    for layer in range(4):
        height = HEIGHT - 60 - layer * 70 + rng.randint(-20, 20)
        amplitude, period = rng.randint(15, 45), rng.randint(220, 480)
        phase = rng.random() * period
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 40, 40):
            offset = amplitude * (((x + phase) % period) / period - 0.5) * 2
            points.append((x, height - abs(offset)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=(*bottom, 90 + layer * 25))
    # A few crisp geometric marks (sails, pixels of a digital city).
    for _ in range(rng.randint(3, 6)):
        x, y = rng.randint(100, WIDTH - 200), rng.randint(120, HEIGHT - 320)
        size = rng.randint(40, 140)
        colour = (*rng.choice(accents), 200)
        if rng.random() < 0.5:
            draw.polygon([(x, y + size), (x + size // 2, y), (x + size // 2, y + size)], fill=colour)
        else:
            draw.rectangle([x, y, x + size // 2, y + size // 2], fill=colour)
    picture = Image.alpha_composite(base.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def demo_image(key, title, palette="harbour"):
    """The demo image with this title, drawn and stored on first use only."""
    image_model = get_image_model()
    collection = get_demo_collection()
    image = image_model.objects.filter(title=title, collection=collection).first()
    if image is not None:
        return image
    data = draw_picture(key, palette)
    image = image_model(title=title, collection=collection)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.jpg")
    image.save()
    return image
