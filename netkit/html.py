"""HTML pages from Jinja templates: one environment, autoescaped, loaded from the package.

Every page netkit writes for people to read (the personal report, the class summary) is a
template in ``netkit/templates`` that includes the same partials: ``partials/head.html.j2``
(charset, a content security policy that allows no request to anywhere, the shared screen and
print/A4 style), ``partials/table.html.j2`` (a data table with a caption and numbers aligned
right) and ``partials/figure.html.j2`` (a figure as an inline PNG with alt text). Autoescaping
is on for every template, so a name such as ``<script>`` shows as text; only CSS and PNG data
that netkit itself made are marked safe, here in Python.

The head partial reads three variables from the page that includes it: ``title``, and
optionally ``extra_css`` (one style sheet or a list of them) and ``csp`` (a whole policy, for a
page that needs another one; the default is :data:`STRICT_CSP`).
"""
from __future__ import annotations

import base64
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import jinja2
    import pandas as pd

__all__ = ["STRICT_CSP", "content_security_policy", "environment", "render", "render_macro", "frame_table",
           "render_table", "png_data_uri", "trusted_css"]

#: Nothing loads from anywhere: inline styles and ``data:`` images only, no script, no frame.
STRICT_CSP = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:; "
              "base-uri 'none'; form-action 'none'")


def content_security_policy(*, frames: bool = False) -> str:
    """The policy for a page: :data:`STRICT_CSP`, and with ``frames`` sandboxed inline frames.

    Parameters
    ----------
    frames : bool, default False
        Allow ``srcdoc`` frames and their inline scripts — the personal report embeds the drawing
        this way, and a frame inherits the policy of its page, so without it the drawing would
        not run. Still nothing is fetched from anywhere.

    Returns
    -------
    str
        For a ``<meta http-equiv="Content-Security-Policy">``.

    Examples
    --------
    >>> content_security_policy().startswith("default-src 'none'")
    True
    >>> "script-src" in content_security_policy(), "script-src 'unsafe-inline'" in content_security_policy(frames=True)
    (False, True)
    """
    return STRICT_CSP + ("; script-src 'unsafe-inline'; frame-src about: data:" if frames else "")


def png_data_uri(png: bytes) -> str:
    """PNG bytes as a ``data:`` URI for an ``<img src>``: the page needs no other file.

    Parameters
    ----------
    png : bytes
        A PNG file's content, e.g. from :func:`netkit.viz.figures.figure_png`.

    Returns
    -------
    str
        ``data:image/png;base64,…``

    Examples
    --------
    >>> png_data_uri(b"\\x89PNG")
    'data:image/png;base64,iVBORw=='
    """
    if not isinstance(png, (bytes, bytearray)) or not bytes(png[:4]) == b"\x89PNG":
        raise ValueError("png_data_uri: expected PNG bytes (e.g. netkit.viz.figures.figure_png(fig)).")
    return "data:image/png;base64," + base64.b64encode(bytes(png)).decode("ascii")


def trusted_css(text: str) -> Any:
    """CSS that netkit wrote, marked safe to put in a ``<style>`` element as it is.

    Autoescaping would turn its quotes into entities, which a style sheet does not decode; so
    style sheets are the one thing marked safe, and one that could close its element is refused.

    Parameters
    ----------
    text : str
        A style sheet written by netkit (never user text).

    Returns
    -------
    markupsafe.Markup
        Put into a template as it is.

    Examples
    --------
    >>> str(trusted_css('body { font-family: "Segoe UI"; }'))
    'body { font-family: "Segoe UI"; }'
    """
    from markupsafe import Markup

    if "</" in str(text):
        raise ValueError("trusted_css: a style sheet must not contain '</' (it would end the <style> element).")
    return Markup(str(text))


def _policy(text: str) -> Any:
    """A content security policy for the head's attribute, quotes kept as they are.

    Escaping would write ``'none'`` as ``&#39;none&#39;`` — the same to a browser, but not to a
    person (or a test) reading the page; a policy has no character that needs escaping in a
    double-quoted attribute, and one that has is refused.
    """
    from markupsafe import Markup

    text = str(text)
    if any(ch in text for ch in '"<>&'):
        raise ValueError(f"content security policy: {text!r} has a character it never needs (\" < > &).")
    return Markup(text)


@lru_cache(maxsize=None)
def environment() -> "jinja2.Environment":
    """The one Jinja environment for netkit's pages: package templates, autoescape on, strict.

    A variable a template uses but was not given is an error (``StrictUndefined``), not an
    empty string, so a page never silently loses a part.

    Returns
    -------
    jinja2.Environment
        Made on first use and shared after that.
    """
    import jinja2

    from . import __version__

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("netkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(png_data_uri=png_data_uri, trusted_css=trusted_css, policy=_policy)
    env.globals.update(strict_csp=STRICT_CSP, netkit_version=__version__)
    return env


def render(template_name: str, /, **context: Any) -> str:
    """Render one of netkit's templates with ``context``; every value is escaped unless it is Markup.

    Parameters
    ----------
    template_name : str
        A path under ``netkit/templates``, e.g. ``"report.html.j2"``.
    **context
        The template's variables.

    Returns
    -------
    str
        The HTML.

    Examples
    --------
    >>> "<title>&lt;b&gt; &amp; co</title>" in render("partials/head.html.j2", title="<b> & co")
    True
    """
    return environment().get_template(template_name).render(**context)


def _cell(value: Any, digits: int, signed: bool) -> str:
    import numpy as np
    import pandas as pd

    if value is None or (np.ndim(value) == 0 and pd.isna(value)):
        return ""
    if isinstance(value, (float, np.floating)):
        return f"{value:{'+' if signed else ''}.{digits}f}"
    return str(value)


def frame_table(frame: "pd.DataFrame", *, digits: int = 2, signed: bool = False) -> dict:
    """A DataFrame as the ``table`` the table partial draws: column labels and rows of text.

    Parameters
    ----------
    frame : DataFrame
        Shown as it is, without its index; numeric columns are aligned right.
    digits : int, default 2
        Decimals for non-whole numbers.
    signed : bool, default False
        Write a ``+`` before positive non-whole numbers (for balances).

    Returns
    -------
    dict
        ``columns``: ``[{"label": ..., "numeric": bool}]``; ``rows``: lists of strings (empty
        for a missing value).

    Examples
    --------
    >>> import pandas as pd
    >>> frame_table(pd.DataFrame({"name": ["Ana"], "balance": [0.5]}), signed=True)
    {'columns': [{'label': 'name', 'numeric': False}, {'label': 'balance', 'numeric': True}],
     'rows': [['Ana', '+0.50']]}
    """
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    columns = [{"label": str(c), "numeric": bool(is_numeric_dtype(frame[c]) and not is_bool_dtype(frame[c]))}
               for c in frame.columns]
    rows = [[_cell(v, digits, signed) for v in row] for row in frame.itertuples(index=False, name=None)]
    return {"columns": columns, "rows": rows}


def render_table(frame: "pd.DataFrame", *, caption: str | None = None, digits: int = 2, signed: bool = False) -> str:
    """A DataFrame as one escaped HTML table (the table partial), e.g. for a form's summary.

    Parameters
    ----------
    frame : DataFrame
    caption : str, optional
        Written above the table.
    digits, signed
        As in :func:`frame_table`.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> print(render_table(pd.DataFrame({"who": ["<b>Ana</b>"], "n": [2]})))
    <table>
    <thead><tr><th scope="col">who</th><th scope="col" class="num">n</th></tr></thead>
    <tbody>
    <tr><td>&lt;b&gt;Ana&lt;/b&gt;</td><td class="num">2</td></tr>
    </tbody>
    </table>
    """
    return render_macro("partials/table.html.j2", "data_table", frame_table(frame, digits=digits, signed=signed),
                        caption=caption)


def render_macro(template_name: str, macro_name: str, /, *args: Any, **kwargs: Any) -> str:
    """Call one macro of a template (a partial) and return its HTML, for a fragment of a page.

    Parameters
    ----------
    template_name : str
        The template that defines the macro, e.g. ``"partials/table.html.j2"``.
    macro_name : str
        The macro, e.g. ``"data_table"``.
    *args, **kwargs
        Its arguments; escaped like any template variable.

    Returns
    -------
    str

    Examples
    --------
    >>> out = render_macro("partials/figure.html.j2", "figure", b"\\x89PNG", "A <chart>")
    >>> out.startswith("<figure><img alt='A &lt;chart&gt;' src='data:image/png;base64,iVBORw=='>")
    True
    """
    module = environment().get_template(template_name).module
    return str(getattr(module, macro_name)(*args, **kwargs)).strip()
