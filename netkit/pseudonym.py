"""Pseudonymisation: a network that can be shared, with the same measures and nobody's name.

Owns the rule for what is replaced (names, and ids that could be names: keyed HMAC-SHA256
pseudonyms, the same in every table), what is dropped (notes, contact details, and every text
column not declared safe unless the user keeps it), how names are found in any text (folded,
word by word), the last check of the output for every input name, and the writer of the shared
folder. The key stays with whoever pseudonymises: it is never written anywhere.
"""
from __future__ import annotations

import dataclasses

import hashlib
import hmac
import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import NetkitError
from .schema import NO_WORDS, TABLE_COLUMNS, YES_WORDS
from .model import EgoCollection, EgoNetwork, WholeNetwork

__all__ = [
    "MIN_KEY_LENGTH",
    "NAME_COLUMNS",
    "DROPPED_COLUMNS",
    "pseudonymize",
    "write_pseudonymized",
    "pseudonym",
    "looks_private",
    "SAFE_COLUMNS",
    "fold",
    "name_words",
    "is_code",
]

#: Shortest key accepted, in characters (or bytes): a short key could be guessed, and with it
#: every name tried against the pseudonyms.
MIN_KEY_LENGTH = 16

#: Columns holding what people are called: each value is replaced by its pseudonym.
NAME_COLUMNS = frozenset({"name", "label"})

#: Columns dropped by their name (compared in lower case, spaces, dashes and dots read as ``_``):
#: free-text notes, contact details and the parts of a name.
DROPPED_COLUMNS = frozenset({
    "notes", "note", "comment", "comments", "remark", "remarks", "description", "memo", "free_text", "text",
    "email", "e_mail", "email_address", "e_mail_address", "mail",
    "url", "urls", "website", "web", "homepage", "link", "links", "linkedin", "profile", "profile_url",
    "phone", "telephone", "tel", "mobile", "cell", "phone_number", "fax",
    "address", "street", "postcode", "postal_code", "zip", "zip_code",
    "first_name", "last_name", "given_name", "family_name", "surname", "middle_name", "maiden_name", "nickname",
    "full_name", "display_name",
})

_FREE_TEXT = frozenset({"name", "label", "notes", "note", "text"})

#: Columns declared safe, table by table: netkit's own columns (schema.TABLE_COLUMNS) that hold
#: codes, scales, yes/no, dates and choices, never free text. Other text columns are dropped
#: unless ``keep=`` names them.
SAFE_COLUMNS: dict[str, frozenset] = {
    **{table: frozenset(c for c in columns if c not in _FREE_TEXT) for table, columns in TABLE_COLUMNS.items()},
    "edges": frozenset({"weight"}),
    "nodes": frozenset(),
}
SAFE_COLUMNS["ties"] = SAFE_COLUMNS["ties"] | {"weight", "tie_type"}
SAFE_COLUMNS["support"] = SAFE_COLUMNS["support"] | {"gap"}
#: A study's instrument (a data package's support items): the questions of the study, not of a person.
SAFE_COLUMNS["instrument"] = frozenset({"instrument", "item", "question", "kind"})

# id columns of each table and the kind of id each holds
_ID_COLUMNS = {
    "egos": {"ego_id": "ego"},
    "alters": {"ego_id": "ego", "alter_id": "alter"},
    "ties": {"ego_id": "ego", "source": "alter", "target": "alter"},
    "support": {"ego_id": "ego", "alter_id": "alter"},
    "ledger": {"ego_id": "ego", "alter_id": "alter"},
    "plan": {"ego_id": "ego"},
}
_PREFIX = {"ego": "e-", "alter": "a-", "node": "n-", "person": "P-"}
_LENGTH = {"ego": 10, "alter": 10, "node": 10, "person": 8}  # hex digits after the prefix
_GENERIC_EGO = {"ego", "you", "me", "self", "respondent"}
_CODE_SHAPE = re.compile(r"[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*")
_PSEUDONYM = re.compile(r"[A-Za-z]{1,2}[-_][0-9a-f]{6,}")
_VOWELS = frozenset("aeiouy")
_LETTERS = re.compile(r"[^\W\d_]+")
_SPELLED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th"})
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?%?")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2} [A-Za-z]{3,9} \d{4}"
                   r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}")

_EMAIL = re.compile(r"[^\s@<>(),;:\"']+@[^\s@<>(),;:\"']+\.[A-Za-z]{2,}")
_URL = re.compile(r"(?i)(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*")
_PHONE = re.compile(r"(?<![\w/-])(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?![\w/-])")
_NOT_PHONE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}\s*[-–]\s*\d{4}")


def _key_bytes(key) -> bytes:
    if key is None or (isinstance(key, (str, bytes)) and not key):
        raise NetkitError(f"a key is needed to pseudonymise; pass key= (netkit pseudonymize --key) with at least "
                          f"{MIN_KEY_LENGTH} characters that you keep to yourself.")
    if not isinstance(key, (str, bytes)):
        raise NetkitError(f"key must be text (or bytes), got {type(key).__name__}.")
    data = key.encode("utf-8") if isinstance(key, str) else key
    if len(key) < MIN_KEY_LENGTH:
        raise NetkitError(f"the key is {len(key)} characters long; use at least {MIN_KEY_LENGTH} (a passphrase of "
                          "several words is easy to keep and hard to guess).")
    return data


def _clean(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def pseudonym(value: str, *, key: str | bytes, kind: str = "person") -> str:
    """The keyed pseudonym of one value: ``P-`` and 8 hex digits for a person's name.

    HMAC-SHA256 of the value under the key, so the same name always gives the same pseudonym
    with the same key, another key gives another, and without the key nobody can tell which
    name it was (a plain hash of a name could be looked up by hashing every name). ``kind``
    keeps the kinds apart: ``person`` (names, ``P-``), ``alter`` (``a-``), ``ego`` (``e-``)
    and ``node`` (``n-``, whole networks) use 10 hex digits.

    Examples
    --------
    >>> pseudonym("Ana Silva", key="correct horse battery staple")
    'P-f01f0be1'
    >>> pseudonym("ana  silva ", key="correct horse battery staple")  # case and spacing do not matter
    'P-f01f0be1'
    """
    data = _key_bytes(key)
    if kind not in _PREFIX:
        raise NetkitError(f"kind={kind!r} is not known; use one of {', '.join(_PREFIX)}.")
    text = _clean(str(value))
    if kind == "person":
        text = text.casefold()
    digest = hmac.new(data, f"{kind}\x1f{text}".encode("utf-8"), hashlib.sha256).hexdigest()
    return _PREFIX[kind] + digest[:_LENGTH[kind]]


def _column_key(column: str) -> str:
    return re.sub(r"[\s.\-]+", "_", str(column).strip().lower())


def _is_text(values: pd.Series) -> bool:
    """Object, string and categorical columns: anything that can hold words."""
    return (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)
            or isinstance(values.dtype, pd.CategoricalDtype))


def looks_private(text: str) -> str | None:
    """What makes a piece of text private, if anything: ``"an e-mail address"``, ``"a web address"``,
    ``"a phone number"``, or ``None``.

    Phone-like: 7 to 15 digits written with spaces, dashes, dots or brackets, or starting with
    ``+`` or ``00``, that are not a date or a range of years.

    Examples
    --------
    >>> looks_private("write to ana@example.org"), looks_private("www.example.org/ana")
    ('an e-mail address', 'a web address')
    >>> looks_private("+44 20 7946 0958"), looks_private("2021-03-15"), looks_private("1990-2005")
    ('a phone number', None, None)
    """
    if _EMAIL.search(text):
        return "an e-mail address"
    if _URL.search(text):
        return "a web address"
    for match in _PHONE.finditer(text):
        found = match.group(0).strip()
        digits = sum(c.isdigit() for c in found)
        written = found.startswith(("+", "00")) or any(c in found for c in " ().-")
        if 7 <= digits <= 15 and written and not _NOT_PHONE.fullmatch(found):
            return "a phone number"
    return None


class _Names:
    """Every name in the data, to find them again in any text: cells, headers, handles, addresses.

    Text is compared folded (:func:`fold`: accents removed, case ignored) and word by word, a
    word being a run of letters: ``"@ana.silva"``, ``"ANA_SILVA"`` and ``"lived with Ana"`` all
    hold ``ana``. Every part of two letters or more counts (``Jo``, ``Wu``), and so does a whole
    name written as one word (``anasilva``); a lone initial is matched only with the rest of its
    name, since a single letter is in every sentence.
    """

    def __init__(self, values):
        parts, initials = set(), set()
        for v in values:
            if not isinstance(v, str) or _clean(v).casefold() in _GENERIC_EGO:
                continue
            words = name_words(v)
            if not words:
                continue
            parts.update(w for w in words if len(w) >= 2)
            if len(words) > 1:
                parts.add("".join(words))
            if all(len(w) < 2 for w in words):
                initials.add(" ".join(words))
        self.parts = parts
        self.initials = initials
        self.full = {_clean(v).casefold() for v in values if isinstance(v, str) and v.strip()}

    def __bool__(self) -> bool:
        return bool(self.parts or self.initials)

    def found_in(self, text) -> bool:
        words = name_words(str(text))
        if any(w in self.parts for w in words):
            return True
        if self.initials:
            joined = f" {' '.join(words)} "
            return any(f" {i} " in joined for i in self.initials)
        return False


def fold(text: str) -> str:
    """Text as names are compared: accents removed (NFKD), case folded, ``ø``/``æ``/``ł``… spelled out.

    Examples
    --------
    >>> fold("JOSÉ Åberg"), fold("Søren Łukasz")
    ('jose aberg', 'soren lukasz')
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().translate(_SPELLED)


def name_words(text: str) -> list[str]:
    """The words of a text as names are matched: runs of letters of the folded text.

    Examples
    --------
    >>> name_words("@Ana.Silva_90"), name_words("jo wu from leeds")
    (['ana', 'silva'], ['jo', 'wu', 'from', 'leeds'])
    """
    return _LETTERS.findall(fold(text))


def is_code(value) -> bool:
    """True for an id that is clearly a code, not a name: a plain number, one letter (or letters
    without a vowel) and digits, or a pseudonym.

    Examples
    --------
    >>> [is_code(v) for v in ("E001", "p12", "7", "a-3f2c9e01ab", "nr-12")]
    [True, True, True, True, True]
    >>> [is_code(v) for v in ("Ann1", "Zoe9", "li00042", "ana")]
    [False, False, False, False]
    """
    text = str(value).strip()
    if _PSEUDONYM.fullmatch(text):
        return True
    if not _CODE_SHAPE.fullmatch(text):
        return False
    return all(len(run) == 1 or not set(run.lower()) & _VOWELS for run in re.findall(r"[A-Za-z]+", text))


def _codes(values, names: _Names) -> bool:
    """True when every id is a code and none holds a part of someone's name."""
    return all(is_code(v) and not names.found_in(v) for v in values if not _missing(v) and str(v) != "")


def _id_maps(tables: dict[str, pd.DataFrame], names: _Names, *, key: str | bytes, ids: str) -> dict[str, dict]:
    """Original id → pseudonym for each kind of id whose ids could say who someone is."""
    seen: dict[str, list] = {"ego": [], "alter": []}
    for table, columns in _ID_COLUMNS.items():
        if table in tables:
            for column, kind in columns.items():
                if column in tables[table].columns:
                    seen[kind].extend(v for v in tables[table][column].dropna().unique() if isinstance(v, str) and v)
    maps = {}
    for kind, values in seen.items():
        values = list(dict.fromkeys(values))
        allowed = [v for v in values if not (kind == "ego" and v.strip().lower() in _GENERIC_EGO)]
        named = any(_clean(v).casefold() in names.full for v in allowed)  # "you" may also be the ego's "name"
        if ids == "auto" and _codes(allowed, names) and not named:
            continue
        mapping = {v: pseudonym(v, key=key, kind=kind) for v in values}
        if len(set(mapping.values())) < len(mapping):  # 40 bits: only with millions of ids
            raise NetkitError(f"two {kind} ids got the same pseudonym; pseudonymise with another key.")
        maps[kind] = mapping
    return maps


def _plain_values(values: pd.Series) -> bool:
    """True when every value of a text column is a number, a yes/no or a date: nothing to say who."""
    for v in values.dropna().unique():
        text = str(v).strip()
        if text and not (_NUMBER.fullmatch(text) or text.lower() in YES_WORDS | NO_WORDS or _DATE.fullmatch(text)):
            return False
    return True


def _private_reason(values: pd.Series, names: _Names) -> str | None:
    for v in values.dropna().unique():
        if isinstance(v, str):
            reason = looks_private(v) or ("a name" if names.found_in(v) else None)
            if reason:
                return reason
    return None


def _column_rule(table: str, column, header: str, values: pd.Series, names: _Names, keep: frozenset) -> str | None:
    """Why a (non-id, non-name) column is dropped, or ``None`` to keep it (``header``: as it is written)."""
    ckey = _column_key(column)
    if column in keep or ckey in keep or header in keep:
        return None  # kept by the user: the final check still refuses a name in it
    if ckey in DROPPED_COLUMNS:
        return "notes, contact details or parts of names are never kept"
    if not _is_text(values):
        return None
    reason = _private_reason(values, names)
    if reason:
        return f"it holds {reason}"
    if ckey in SAFE_COLUMNS.get(table, ()) or _plain_values(values):
        return None
    return f"free text; keep it with keep=['{header}'] (--keep '{header}') if it names nobody"


def _transform(table: str, df: pd.DataFrame, maps: dict, names: _Names, *, key, keep: frozenset,
               log: list[str]) -> pd.DataFrame:
    out, headers = {}, {}
    for position, column in enumerate(df.columns, 1):
        values = df[column]
        kind = _ID_COLUMNS.get(table, {}).get(column)
        if kind is not None:
            mapping = maps.get(kind)
            out[column] = values if mapping is None else values.map(
                lambda v, m=mapping: m.get(v, v) if isinstance(v, str) else v).astype(object)
            continue
        if _column_key(column) in NAME_COLUMNS:
            out[column] = values.map(lambda v: pseudonym(v, key=key) if isinstance(v, str) and v.strip() else v
                                     ).astype(object)
            continue
        header = column
        if _column_key(column) not in SAFE_COLUMNS.get(table, ()) and names.found_in(column):
            header = f"column_{position}"
        why = _column_rule(table, column, header, values, names, keep)
        if why is not None:
            log.append(f"{table}: column '{header}' dropped ({why})")
            continue
        if header != column:
            log.append(f"{table}: a column whose header names someone kept as '{header}'")
        out[column] = values
        headers[column] = header
    result = pd.DataFrame(out, index=df.index)
    return result.rename(columns=headers)


def _check_output(tables: dict[str, pd.DataFrame], names: _Names) -> None:
    """Refuse, naming the table and column only, when a name or contact detail is still in the output."""
    for table, df in tables.items():
        for column in df.columns:
            if _column_key(column) not in SAFE_COLUMNS.get(table, ()) and names.found_in(column):
                raise NetkitError(f"{table}: a column header still holds a name from the input; nothing was "
                                  "written. Rename or leave out that column.")
            values = df[column]
            if not _is_text(values):
                continue
            for v in values.dropna().unique():
                if not isinstance(v, str) or _PSEUDONYM.fullmatch(v):
                    continue
                what = "a name from the input" if names.found_in(v) else looks_private(v)
                if what:
                    raise NetkitError(f"{table}: column '{column}' still holds {what} after pseudonymisation; "
                                      "nothing was written. Leave the column out of keep= or remove it from "
                                      "the input.")


def pseudonymize(net, *, key: str | bytes, ids: str = "auto", keep=()):
    """A copy of a network that can be shared: keyed pseudonyms for names, free text dropped.

    *Pseudonymisation* replaces what identifies a person by a code that only the holder of the
    key can reproduce. The measures do not change: the same people, ties and answers remain,
    only what they are called is gone. Before the copy is returned, every text in it is checked
    once more for every part of every name in the input; if one is left, nothing is returned.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection or WholeNetwork
        From :func:`netkit.read`.
    key : str or bytes
        A secret of at least 16 characters. The same key gives the same pseudonyms (so two
        exports of one study line up); another key gives others. Keep it; it is never written.
    ids : {"auto", "always"}
        ``"auto"``: ego ids and alter ids are kept only when every one is a clear code — a plain
        number, or one letter (or letters without a vowel) and digits, such as ``E001``, ``p12``,
        ``7`` (ego ids may also be ``you``/``ego``/``me``) — and none holds a part of a name;
        otherwise (``Ann1``, ``Zoe9``, ``li00042``, a name) they are replaced. ``"always"``:
        replace them in any case.
    keep : list of str
        Text columns to keep although they are not declared safe (e.g. ``["team", "company"]``).
        They are still checked: a kept column holding a name, an e-mail address, a web address
        or a phone number stops the pseudonymisation with a message naming the table and column.

    Returns
    -------
    EgoNetwork, EgoCollection or WholeNetwork
        Of the same kind, rows in the same order. ``warnings`` lists what was dropped or
        renamed; ``source`` is empty (a path can hold a name).

    Raises
    ------
    NetkitError
        A missing or short key, ``ids`` not one of the two choices, a ``keep`` column that is not
        in the input, or a name or contact detail still in the output (one line: the table and
        the column, never the name).

    Notes
    -----
    The rule, table by table (egos, alters, ties, support, ledger and any other):

    - ``name`` and ``label`` columns: each value becomes ``P-`` + 8 hex digits of
      HMAC-SHA256(key, the name) — spacing and case do not matter;
    - ids (``ego_id``; ``alter_id``, ``source``, ``target``, and ``alter_id`` in support and
      ledger): replaced as ``ids`` says, by ``e-``/``a-`` + 10 hex digits, the same in every table,
      so ties, support answers and favors still point at the right people;
    - dropped by name: notes and comments, e-mail, web and phone columns, addresses, and the
      parts of a name (``first_name``, ``last_name``, …; see ``DROPPED_COLUMNS``);
    - dropped as free text: any text column that is not declared safe (``SAFE_COLUMNS``: netkit's
      own columns of codes, scales, yes/no, dates and choices) and holds more than numbers,
      yes/no and dates — bios, "how we met", handles, companies — unless ``keep`` names it;
    - dropped by content: a declared column in which a value holds an e-mail address, a web
      address, a phone number (see :func:`looks_private`) or a part of someone's name;
    - a column whose header holds a name (``knows Ana Silva``) is kept, if its values may be,
      as ``column_N`` (N: its place in the table), so the header no longer says who;
    - names are found accent- and case-blind, word by word, parts of any length from two letters
      (see :func:`name_words`): ``ANA SILVA``, ``José``/``JOSE``, ``jo wu``, ``@ana.silva``;
    - everything else (numbers, dates, yes/no, contexts, weights) is kept as it is.

    A whole network's node ids follow the same ``ids`` rule (``n-`` pseudonyms), its node and
    edge attributes the column rules.

    Examples
    --------
    >>> import netkit as nk
    >>> net = nk.load_sample("personal")
    >>> shared = nk.pseudonymize(net, key="correct horse battery staple")
    >>> shared.alters["name"].iloc[0].startswith("P-"), "notes" in shared.alters.columns
    (True, False)
    >>> nk.summarize(shared)["constraint"].equals(nk.summarize(net)["constraint"])
    True
    """
    from .frame import as_network
    from .model import as_collection

    _key_bytes(key)
    if ids not in ("auto", "always"):
        raise NetkitError(f"ids={ids!r} is not a choice; use 'auto' (replace ids that could be names) or 'always'.")
    keep = _keep_set(keep)
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        return _whole(net, key=key, ids=ids, keep=keep)
    coll = as_collection(net)
    tables = {"egos": coll.egos, "alters": coll.alters, "ties": coll.ties, **coll.extra}
    _check_keep(keep, tables)
    names = _Names(_name_values(tables))
    maps = _id_maps(tables, names, key=key, ids=ids)
    log: list[str] = []
    if maps:
        log.append("ids replaced by pseudonyms: " + ", ".join(f"{k} ids" for k in maps))
    done = {name: _transform(name, df, maps, names, key=key, keep=keep, log=log) for name, df in tables.items()}
    _check_output(done, names)
    out = EgoCollection(egos=done.pop("egos"), alters=done.pop("alters"), ties=done.pop("ties"),
                        directed=coll.directed, source="", format=coll.format, extra=done, warnings=log,
                        scales=dict(coll.scales))
    if isinstance(net, EgoNetwork):
        return dataclasses.replace(out[out.ego_ids[0]], source="", warnings=log)
    return out


_NAME_PARTS = frozenset({"first_name", "last_name", "given_name", "family_name", "surname", "middle_name",
                         "maiden_name", "nickname", "full_name", "display_name"})


def _name_values(tables: dict[str, pd.DataFrame]) -> list:
    """Every name in the input: name and label columns, parts of names, and ids that are not codes."""
    values = []
    for table, df in tables.items():
        for column in df.columns:
            ckey = _column_key(column)
            if ckey in NAME_COLUMNS | _NAME_PARTS:
                values.extend(df[column].dropna().tolist())
            elif column in _ID_COLUMNS.get(table, {}):
                values.extend(v for v in df[column].dropna().unique() if isinstance(v, str) and not is_code(v))
    return values


def _keep_set(keep) -> frozenset:
    if isinstance(keep, str):
        keep = [keep]
    try:
        columns = [str(c) for c in keep]
    except TypeError:
        raise NetkitError(f"keep= takes a list of column names, got {type(keep).__name__}.") from None
    return frozenset(columns) | {_column_key(c) for c in columns}


def _check_keep(keep: frozenset, tables: dict[str, pd.DataFrame]) -> None:
    present = {c for df in tables.values() for column in df.columns for c in (str(column), _column_key(column))}
    missing = sorted(c for c in keep if c not in present and _column_key(c) not in present
                     and not re.fullmatch(r"column_\d+", c))
    if missing:
        raise NetkitError(f"keep: no column {missing[0]!r} in the input; keep= names columns to keep as they "
                          "are (check the spelling).")


def _whole(net: WholeNetwork, *, key, ids: str, keep: frozenset = frozenset()) -> WholeNetwork:
    G = net.G
    node_rows = [dict(d) for _, d in G.nodes(data=True)]
    edge_rows = [dict(d) for *_, d in G.edges(data=True)]
    nodes = pd.DataFrame(node_rows, index=range(len(node_rows)))
    edges = pd.DataFrame(edge_rows, index=range(len(edge_rows)))
    _check_keep(keep, {"nodes": nodes, "edges": edges})
    labels = [str(n) for n in G]
    name_values = [v for c in nodes.columns if _column_key(c) in NAME_COLUMNS for v in nodes[c].dropna()]
    names = _Names(name_values + [n for n in labels if not is_code(n)])
    replace = ids == "always" or not _codes(labels, names)
    mapping = {n: pseudonym(str(n), key=key, kind="node") if replace else n for n in G}
    if len(set(mapping.values())) < len(mapping):
        raise NetkitError("two nodes got the same pseudonym; pseudonymise with another key.")
    log: list[str] = ["node ids replaced by pseudonyms"] if replace else []
    node_attrs = _transform("nodes", nodes, {}, names, key=key, keep=keep, log=log)
    edge_attrs = _transform("edges", edges, {}, names, key=key, keep=keep, log=log)
    ids_out = pd.DataFrame({"node": [str(mapping[n]) for n in G]})
    _check_output({"nodes": pd.concat([ids_out, node_attrs.reset_index(drop=True)], axis=1), "edges": edge_attrs},
                  names)

    def records(df: pd.DataFrame, count: int) -> list[dict]:
        rows = df.to_dict("records") if len(df.columns) else [{} for _ in range(count)]
        return [{k: v for k, v in r.items() if not _missing(v)} for r in rows]

    H = G.__class__()
    for n, attrs in zip(G, records(node_attrs, len(node_rows))):
        H.add_node(mapping[n], **attrs)
    for (u, v, *_), attrs in zip(G.edges(data=True), records(edge_attrs, len(edge_rows))):
        H.add_edge(mapping[u], mapping[v], **attrs)
    return WholeNetwork(H, source="", format=net.format, warnings=log)


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def write_pseudonymized(input, output, *, key: str | bytes, format: str = "auto", ids: str = "auto",
                        directed: bool = False, keep=()) -> tuple[Path, list[str]]:
    """Read ``input``, pseudonymise it and write netkit's folder (GraphML for a whole network).

    Everything is pseudonymised and checked (see :func:`pseudonymize`, ``keep`` included) before
    a file is written: a name left in the output stops it with nothing written. The folder is
    written atomically and its ``manifest.json`` says it was pseudonymised (not with which key).
    ``output`` must be a new or empty folder, or one written here before; it may not be the input
    or lie inside it. Returns the path and the list of what was dropped or renamed. The same input
    and key give byte-identical files.
    """
    from .io import atomic_write_text, read, write
    from .reproduce import check_output_folder

    input, output = Path(input).expanduser(), Path(output).expanduser()
    _key_bytes(key)
    net = read(input, format=format, directed=directed)
    if isinstance(net, WholeNetwork):
        if output.resolve() == input.resolve():
            raise NetkitError(f"{output}: is the input; write the pseudonymised network to another file.")
        if output.is_dir():
            raise NetkitError(f"{output}: is a folder; a whole network is written as one GraphML file "
                              "(e.g. -o shared.graphml).")
        shared = pseudonymize(net, key=key, ids=ids, keep=keep)
        write(shared, output, format="graphml")
        return output, shared.warnings
    check_output_folder(output, inputs=[input], what="pseudonymised network", marker="pseudonymised")
    shared = pseudonymize(net, key=key, ids=ids, keep=keep)
    write(shared, output, format="netkit")
    manifest_file = output / "manifest.json"
    record = json.loads(manifest_file.read_text(encoding="utf-8"))
    record["pseudonymised"] = {"by": "netkit", "method": "HMAC-SHA256", "rule": 2}
    atomic_write_text(manifest_file, json.dumps(record, indent=2) + "\n")
    return output, shared.warnings
