"""Pseudonymisation: a network that can be shared, with the same measures and nobody's name.

Owns the rule for what is replaced (names, and ids that could be names: keyed HMAC-SHA256
pseudonyms, the same in every table) and what is dropped (notes, e-mail addresses, web
addresses, phone numbers and other free text), and the writer of the shared folder. The key
stays with whoever pseudonymises: it is never written anywhere.
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
from .model import EgoCollection, EgoNetwork, WholeNetwork

__all__ = [
    "MIN_KEY_LENGTH",
    "NAME_COLUMNS",
    "DROPPED_COLUMNS",
    "pseudonymize",
    "write_pseudonymized",
    "pseudonym",
    "looks_private",
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
_CODE = re.compile(r"[A-Za-z]{0,3}[-_]?\d{1,12}")

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
    return values.dtype == object or pd.api.types.is_string_dtype(values.dtype)


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
    """Every name in the data, to find them again in other text columns."""

    def __init__(self, values):
        full, words = set(), set()
        for v in values:
            if not isinstance(v, str) or not v.strip():
                continue
            text = _clean(v)
            full.add(text.casefold())
            words.update(w for w in re.findall(r"\w+", text) if len(w) >= 3 and w[0].isupper())
        self.full = full
        parts = sorted({re.escape(w) for w in words}, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(parts) + r")\b") if parts else None

    def found_in(self, text: str) -> bool:
        if _clean(text).casefold() in self.full:
            return True
        return bool(self.pattern is not None and self.pattern.search(text))


def _codes(values) -> bool:
    """True when every id is a code (``E001``, ``p12``, ``li00042``, ``7``) rather than text."""
    return all(isinstance(v, str) and _CODE.fullmatch(v) for v in values if isinstance(v, str) and v)


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
        if ids == "auto" and _codes(allowed) and not named:
            continue
        mapping = {v: pseudonym(v, key=key, kind=kind) for v in values}
        if len(set(mapping.values())) < len(mapping):  # 40 bits: only with millions of ids
            raise NetkitError(f"two {kind} ids got the same pseudonym; pseudonymise with another key.")
        maps[kind] = mapping
    return maps


def _transform(table: str, df: pd.DataFrame, maps: dict, names: _Names, *, key, log: list[str]) -> pd.DataFrame:
    out = df.copy()
    drop = []
    for column in df.columns:
        ckey = _column_key(column)
        kind = _ID_COLUMNS.get(table, {}).get(column)
        if kind is not None:
            if kind in maps:
                mapping = maps[kind]
                out[column] = df[column].map(lambda v, m=mapping: m.get(v, v) if isinstance(v, str) else v).astype(object)
            continue
        if ckey in NAME_COLUMNS:
            out[column] = df[column].map(
                lambda v: pseudonym(v, key=key) if isinstance(v, str) and v.strip() else v).astype(object)
            continue
        if ckey in DROPPED_COLUMNS:
            drop.append(column)
            log.append(f"{table}: column '{column}' dropped (notes, contact details or parts of names are never kept)")
            continue
        if _is_text(df[column]):
            reason = None
            for v in df[column].dropna().unique():
                if not isinstance(v, str):
                    continue
                reason = looks_private(v) or ("a name" if names.found_in(v) else None)
                if reason:
                    break
            if reason:
                drop.append(column)
                log.append(f"{table}: column '{column}' dropped (it holds {reason})")
    return out.drop(columns=drop)


def pseudonymize(net, *, key: str | bytes, ids: str = "auto"):
    """A copy of a network that can be shared: keyed pseudonyms for names, private text dropped.

    *Pseudonymisation* replaces what identifies a person by a code that only the holder of the
    key can reproduce. The measures do not change: the same people, ties and answers remain,
    only what they are called is gone.

    Parameters
    ----------
    net : EgoNetwork, EgoCollection or WholeNetwork
        From :func:`netkit.read`.
    key : str or bytes
        A secret of at least 16 characters. The same key gives the same pseudonyms (so two
        exports of one study line up); another key gives others. Keep it; it is never written.
    ids : {"auto", "always"}
        ``"auto"``: ego ids and alter ids are replaced when any of them could be a name — when
        they are not all codes such as ``E001``, ``p12``, ``li00042`` or ``7`` (ego ids may also
        be ``you``/``ego``/``me``), or when one of them is someone's name (a fill-in template
        names people by name). ``"always"``: replace them in any case.

    Returns
    -------
    EgoNetwork, EgoCollection or WholeNetwork
        Of the same kind, rows in the same order. ``warnings`` lists what was dropped;
        ``source`` is empty (a path can hold a name).

    Raises
    ------
    NetkitError
        A missing or short key, or ``ids`` not one of the two choices.

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
    - dropped by content: any other text column in which a value holds an e-mail address, a web
      address, a phone number (see :func:`looks_private`) or someone's name (a whole name, or a
      capitalised word of three letters or more from a name);
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
    net = as_network(net)
    if isinstance(net, WholeNetwork):
        return _whole(net, key=key, ids=ids)
    coll = as_collection(net)
    tables = {"egos": coll.egos, "alters": coll.alters, "ties": coll.ties, **coll.extra}
    name_values = []
    for df in tables.values():
        for column in df.columns:
            if _column_key(column) in NAME_COLUMNS | {"first_name", "last_name", "given_name", "family_name",
                                                      "surname", "middle_name", "maiden_name", "nickname",
                                                      "full_name", "display_name"}:
                name_values.extend(df[column].dropna().tolist())
    names = _Names(name_values)
    maps = _id_maps(tables, names, key=key, ids=ids)
    log: list[str] = []
    if maps:
        log.append("ids replaced by pseudonyms: " + ", ".join(f"{k} ids" for k in maps))
    done = {name: _transform(name, df, maps, names, key=key, log=log) for name, df in tables.items()}
    out = EgoCollection(egos=done.pop("egos"), alters=done.pop("alters"), ties=done.pop("ties"),
                        directed=coll.directed, source="", format=coll.format, extra=done, warnings=log)
    if isinstance(net, EgoNetwork):
        return dataclasses.replace(out[out.ego_ids[0]], source="", warnings=log)
    return out


def _whole(net: WholeNetwork, *, key, ids: str) -> WholeNetwork:
    G = net.G
    node_rows = [dict(d) for _, d in G.nodes(data=True)]
    edge_rows = [dict(d) for *_, d in G.edges(data=True)]
    nodes = pd.DataFrame(node_rows, index=range(len(node_rows)))
    edges = pd.DataFrame(edge_rows, index=range(len(edge_rows)))
    labels = [str(n) for n in G]
    name_values = [v for c in nodes.columns if _column_key(c) in NAME_COLUMNS for v in nodes[c].dropna()]
    names = _Names(name_values + [n for n in labels if not _CODE.fullmatch(n)])
    replace = ids == "always" or not _codes(labels) or any(_clean(n).casefold() in names.full for n in labels)
    mapping = {n: pseudonym(str(n), key=key, kind="node") if replace else n for n in G}
    if len(set(mapping.values())) < len(mapping):
        raise NetkitError("two nodes got the same pseudonym; pseudonymise with another key.")
    log: list[str] = ["node ids replaced by pseudonyms"] if replace else []
    node_attrs = _transform("nodes", nodes, {}, names, key=key, log=log)
    edge_attrs = _transform("edges", edges, {}, names, key=key, log=log)

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
                        directed: bool = False) -> tuple[Path, list[str]]:
    """Read ``input``, pseudonymise it and write netkit's folder (GraphML for a whole network).

    The folder is written atomically and its ``manifest.json`` says it was pseudonymised (not
    with which key). ``output`` must be a new or empty folder, or one written here before; it
    may not be the input or lie inside it. Returns the path and the list of what was dropped.
    The same input and key give byte-identical files.
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
        shared = pseudonymize(net, key=key, ids=ids)
        write(shared, output, format="graphml")
        return output, shared.warnings
    check_output_folder(output, inputs=[input], what="pseudonymised network", marker="pseudonymised")
    shared = pseudonymize(net, key=key, ids=ids)
    write(shared, output, format="netkit")
    manifest_file = output / "manifest.json"
    record = json.loads(manifest_file.read_text(encoding="utf-8"))
    record["pseudonymised"] = {"by": "netkit", "method": "HMAC-SHA256", "rule": 1}
    atomic_write_text(manifest_file, json.dumps(record, indent=2) + "\n")
    return output, shared.warnings
