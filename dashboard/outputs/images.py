"""Slide-ready images of charts: PNG at 1920x1080 and SVG, drawn by kaleido in Debian's Chromium, offline.

Streamlit-free. A figure keeps its own layout (title, filters subtitle, source line with the data
date and the project's name, all inside the figure) and is drawn on a 16:9 canvas, scaled so that
its type reads on a slide. Map boundaries come from the committed topojson, never from a CDN.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import hashlib
import json
import os
import textwrap
import threading
from pathlib import Path
from typing import Any

import kaleido
import plotly.graph_objects as go

from dashboard.charts import frame
from dashboard.outputs import builds

SLIDE_WIDTH, SLIDE_HEIGHT = 1920, 1080
# Charts are laid out for a page about 1280 px wide; drawn at 1.5x they fill a 1920 px slide and
# their 14 px type becomes 21 px.
TOPOJSON_DIR = Path(__file__).resolve().parents[1] / "static" / "topojson"
TOPOJSON_URI = TOPOJSON_DIR.as_uri() + "/"
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}

_server_lock = threading.Lock()
_render_lock = threading.Lock()
DRAWN_BYTES = 64_000_000  # at most this much kept: about 300 slide PNGs


class ExportError(RuntimeError):
    """An image could not be drawn; the message says what to do about it."""


# Canvases in CSS px whose scale to 1920x1080 is exact (1.5, 1.25, 1), smallest first. A taller chart is laid
# out on the largest and its rows drawn closer: on a larger canvas shrunk to fit, its 14 px labels came out 7 px.
CANVASES = ((1280, 720), (1536, 864), (1920, 1080))


def canvas(fig: go.Figure) -> tuple[int, int, float]:
    """CSS width and height to lay the figure out at, and the scale that turns them into 1920x1080."""
    height = int(fig.layout.height or 0)
    width, tall = next(((w, h) for w, h in CANVASES if h >= height), CANVASES[-1])
    return width, tall, SLIDE_WIDTH / width


def _start_server() -> None:
    """One browser for every image this process draws, closed (with its temporary profile) at exit."""
    with _server_lock:
        if not kaleido._global_server.is_running():
            kaleido.start_sync_server(silence_warnings=True)
            atexit.register(kaleido.stop_sync_server, silence_warnings=True)


def image(fig: go.Figure, fmt: str = "png") -> bytes:
    """The figure as a 16:9 image: PNG of exactly 1920x1080 pixels, or SVG of the same drawing."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    width, height, scale = canvas(fig)
    slide = readable_on_slide(fig, height, scale)
    slide.update_layout(width=width, height=height, autosize=False, title_pad_l=16)
    return _draw(slide, {"format": fmt, "width": width, "height": height, "scale": scale})


SLIDE_TYPE = 18  # px: the smallest type on a 1920x1080 image, readable when projected


def readable_on_slide(fig: go.Figure, height: int, scale: float) -> go.Figure:
    """A copy of the figure laid out `height` px tall whose type comes out at least SLIDE_TYPE px once drawn at
    `scale` (enlarge: text, and the room around the plot, grow alike).

    The labels of a category axis stay within 80% of their rows' spacing, so that they never overlap: a
    timeline of fifty rows cannot have 18 px labels on a 1080 px image, and gets the largest that fit.
    """
    size = float(fig.layout.font.size or 14)
    factor = max(1.0, SLIDE_TYPE / (size * scale))
    slide = enlarge(fig, factor, min_size=0) if factor > 1 else go.Figure(fig)
    slide.layout.height = height
    frame.legend_under_title(slide, factor)
    rows = len(slide.layout.yaxis.tickvals or slide.layout.yaxis.categoryarray or ())
    if rows:
        margin = slide.layout.margin
        pitch = (height - (margin.t or 0) - (margin.b or 0)) / rows
        slide.layout.yaxis.tickfont.size = min(size * factor, 0.8 * pitch)
    return slide


def _draw(fig: go.Figure, options: dict[str, Any]) -> bytes:
    """Draw a laid-out figure with kaleido, offline maps included, once: the same figure in the same format is
    kept (a deck's PDF reuses its PowerPoint's images, a chart's PNG its slide's), in the folder the server and
    its build workers share. A drawing goes through the server's queue of heavy builds. Any failure becomes an
    ExportError."""
    drawing = [fig.to_plotly_json(), options, TOPOJSON_URI]  # everything the image depends on
    key = hashlib.sha256(json.dumps(drawing, sort_keys=True, default=str).encode()).hexdigest()
    kept = drawn_folder() / key
    try:
        drawn = kept.read_bytes()
    except FileNotFoundError:
        pass
    else:
        with contextlib.suppress(FileNotFoundError):  # trimmed by another process meanwhile: read all the same
            os.utime(kept)  # recently used: trimmed last
        return drawn
    drawn = builds.queued(lambda: _render(fig, options))
    written = kept.with_name(f"{key}.{os.getpid()}-{threading.get_ident()}.part")
    written.write_bytes(drawn)
    os.replace(written, kept)  # whole or not at all, for another process reading it
    _trim(kept.parent)
    return drawn


def drawn_folder() -> Path:
    folder = builds.shared_folder() / "images"
    folder.mkdir(exist_ok=True)
    return folder


def _trim(folder: Path, limit: int = DRAWN_BYTES) -> None:
    """Remove the images used longest ago until at most `limit` bytes are kept (the newest always stays)."""
    kept = []
    for path in folder.iterdir():
        try:
            if not path.name.endswith(".part"):
                stat = path.stat()
                kept.append((stat.st_mtime_ns, stat.st_size, path))
        except FileNotFoundError:  # another process trimmed it first
            continue
    kept.sort()
    total = sum(size for _mtime, size, _path in kept)
    for _mtime, size, path in kept[:-1]:
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size


def _render(fig: go.Figure, options: dict[str, Any]) -> bytes:
    try:
        _start_server()
        with _render_lock:  # one figure at a time through the single browser tab
            return bytes(kaleido.calc_fig_sync(fig, opts=options, topojson=TOPOJSON_URI))
    except Exception as error:  # kaleido raises several types, from a missing browser to a JS error
        raise ExportError(
            f"The image could not be drawn ({type(error).__name__}: {error}). Images are drawn by Chromium: "
            "install it with `make chromium` (Debian: apt-get install chromium) and try again."
        ) from error


def thumbnail(fig: go.Figure, width: int = 800, height: int = 450, scale: float = 2, min_size: int = 16) -> bytes:
    """A small PNG of the figure for print (a handout that lists the sources itself): no subtitle or source
    line, type enlarged (to at least `min_size` px) so it stays legible when shrunk.
    """
    small = enlarge(fig, 1.3, min_size=min_size)
    small.layout.annotations = [a for a in small.layout.annotations if a.name != frame.FOOTER]
    small.update_layout(
        width=width,
        height=max(height, int((fig.layout.height or 0) * 0.8)),
        autosize=False,
        title_subtitle_text="",
        margin={"t": 50, "b": 30},
    )
    return _draw(small, {"format": "png", "width": width, "height": small.layout.height, "scale": scale})


def _scaled(value: float | None, factor: float, floor: float | None = None) -> float | None:
    if value is None:
        return None
    return value * factor if floor is None else max(floor, value * factor)


def enlarge(fig: go.Figure, factor: float = 1.5, min_size: int = 20) -> go.Figure:
    """A copy of the figure with every text size, and the room around the plot, grown by `factor`.

    For presentation mode: axis labels and legends come out at least `min_size` px.
    """
    big = go.Figure(copy.deepcopy(fig.to_dict()))
    layout = big.layout
    base = (layout.font.size or 14) * factor
    layout.font.size = max(min_size, base)
    if layout.title.text:
        layout.title.font.size = _scaled(layout.title.font.size or 17, factor, min_size + 8)
        layout.title.subtitle.font.size = _scaled(layout.title.subtitle.font.size or 13, factor, min_size)
        layout.title.pad.t = _scaled(layout.title.pad.t, factor)
    added_lines = 0
    for annotation in layout.annotations:
        annotation.font.size = _scaled(annotation.font.size or 12, factor, min_size - 2)
        if (annotation.yshift or 0) < 0 and annotation.text:  # the source line beneath the plot: fewer words a line
            lines = annotation.text.split("<br>")
            wrapped = textwrap.wrap(" ".join(lines), int(frame.FOOTER_WIDTH / factor))
            added_lines += max(0, len(wrapped) - len(lines))
            annotation.text = "<br>".join(wrapped)
        annotation.yshift = _scaled(annotation.yshift, factor)
    margin = layout.margin
    line_height = 16 * factor
    margin.t, margin.b = _scaled(margin.t, factor), (margin.b or 0) * factor + added_lines * line_height
    margin.l, margin.r = _scaled(margin.l, factor), _scaled(margin.r, factor)
    layout.height = (layout.height or 450) * factor + added_lines * line_height
    for trace in big.data:
        textfont = getattr(trace, "textfont", None)
        if textfont is not None and textfont.size:
            textfont.size = _scaled(textfont.size, factor, min_size - 4)
    return big
