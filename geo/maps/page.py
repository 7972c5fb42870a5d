"""The folium side of a map page: the elements kharita adds to a :class:`folium.Map` and its render.

Kept apart from :mod:`geo.maps.core`, which packs the data and writes the same page without folium
(:func:`geo.maps.core.render_html`), so that ``kharita map`` never imports folium (half a second).  The only
module that imports folium.

No data ever becomes template source.  folium/branca compile the text of an ``Element(...)`` as a Jinja2
template, so every piece of markup kharita adds (the data payload, the draw call, the inlined assets) is a
:class:`_Raw` element, emitted verbatim and never compiled.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import cast

import folium
from branca.element import Element, Figure, MacroElement

from geo.maps.core import _assets_head, _layer_markup

__all__ = ["folium"]


class _Raw(Element):
    """Markup emitted exactly as given: its text is never compiled as a Jinja2 template.

    ``branca.element.Element(text)`` compiles ``text`` as a template, so data in it
    would be evaluated (``{{ … }}``), crash the render (``{% … %}``) or vanish
    (``{# … #}``).  A :class:`_Raw` has no template: :meth:`render` returns the
    text, which the parent template outputs as a value, never as source.
    """

    def __init__(self, text: str):
        super().__init__()
        self._name = "KharitaRaw"
        self.text = text

    def render(self, **kwargs) -> str:
        """The text, verbatim."""
        return self.text


class _Assets(MacroElement):
    """Header block: Leaflet (inlined offline, from the CDN with SRI online), kharita's own JS/CSS and, for a
    density layer, Leaflet.heat (inlined: it is shipped in ``geo/data/assets``)."""

    def __init__(self, offline: bool, heat: bool = False):
        super().__init__()
        self._name = "KharitaAssets"
        self.offline = offline
        self.heat = heat

    def render(self, **kwargs) -> None:  # type: ignore[override]  # branca: MacroElement.render gives None, Element.render says str
        fig = cast(Figure, self.get_root())  # MacroElement.render asserts it is a Figure
        fig.header.add_child(_Raw(_assets_head(self.offline, self.heat)), name="kharita_assets")
        super().render(**kwargs)


class _EventLayer(MacroElement):
    """Embeds the packed data (and the basemap) once and calls ``kharitaDraw`` on the map."""

    def __init__(self, payload: str, options: dict, basemap: bool = False):
        super().__init__()
        self._name = "KharitaEvents"
        self.payload = payload
        self.options = options
        self.basemap = basemap

    def render(self, **kwargs) -> None:  # type: ignore[override]  # branca: MacroElement.render gives None, Element.render says str
        fig = cast(Figure, self.get_root())  # MacroElement.render asserts it is a Figure
        uid = self.get_name()
        parent = cast(Element, self._parent)  # the map this layer was added to
        data_html, base_html, draw = _layer_markup(uid, parent.get_name(), self.payload, self.options, self.basemap)
        fig.html.add_child(_Raw(data_html), name=uid + "_data")
        if base_html is not None:
            fig.html.add_child(_Raw(base_html), name=uid + "_basemap")
        fig.script.add_child(_Raw(draw), name=uid)
        super().render(**kwargs)


def _stabilise(fig: Element) -> None:
    """Give every element a deterministic id (tree order) and forget earlier renders."""
    counter = 0

    def walk(el: Element) -> None:
        nonlocal counter
        el._id = f"{counter:04x}"
        counter += 1
        for child in el._children.values():
            walk(child)

    walk(fig)
    if isinstance(fig, Figure):
        meta = fig.header._children.get("meta_http")
        fig.header._children = OrderedDict([("meta_http", meta)] if meta is not None else [])
        fig.html._children = OrderedDict()
        fig.script._children = OrderedDict()


def _render(m: folium.Map) -> str:
    """The page's HTML: ids given in tree order, trailing spaces cut (byte-identical for the same map)."""
    fig = m.get_root()
    if not isinstance(fig, Figure):
        fig = Figure()
        fig.add_child(m)
    _stabilise(fig)
    html = fig.render()
    return "\n".join(line.rstrip() for line in html.splitlines()) + "\n"
