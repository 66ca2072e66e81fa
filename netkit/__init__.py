"""netkit — the Personal Network Lab.

Map your network of contacts, see it, score your ties, find structural holes and introductions
worth making. ``import netkit as nk`` is quick: modules load when first used.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "NetkitError": "errors",
    "EgoNetwork": "model",
    "EgoCollection": "model",
    "WholeNetwork": "model",
    "read": "io",
    "write": "io",
    "load_sample": "io",
    "sample_path": "io",
    "sample_names": "io",
    "summarize": "batch",
    "alter_table": "batch",
    "pseudonymize": "pseudonym",
    "run_batch": "reproduce",
    "write_manifest": "reproduce",
    "read_manifest": "reproduce",
    "class_summary": "classroom",
    "describe": "info",
    "check_setup": "setup_check",
    "clusters": "communities",
    "tie_table": "ties",
    "tie_strength": "ties",
    "granovetter_check": "ties",
    "structural_holes": "holes",
    "brokerage": "brokers",
    "draw": "viz",
    "suggest_introductions": "introductions",
    "WIN_FOR_ALL": "introductions",
    "Workspace": "store",
    "assess_support": "support",
    "mspss_scores": "support",
    "Instrument": "instruments",
    "support_codes": "support_data",
    "support_table": "support_data",
    "support_by_strength": "support_data",
    "favor_balance": "ledger",
    "reciprocity": "ledger",
    "ledger_flags": "ledger",
    "action_plan": "plan",
    "personal_report": "plan",
    "write_report": "plan",
    "NetworkLab": "widgets",
    "RingsBoard": "widgets",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'netkit' has no attribute {name!r}")


def __dir__():
    return __all__


if TYPE_CHECKING:  # for editors and type checkers
    from .batch import alter_table, summarize
    from .pseudonym import pseudonymize
    from .reproduce import read_manifest, run_batch, write_manifest
    from .classroom import class_summary
    from .communities import clusters
    from .brokers import brokerage
    from .holes import structural_holes
    from .ties import granovetter_check, tie_strength, tie_table
    from .errors import NetkitError
    from .info import describe
    from .introductions import WIN_FOR_ALL, suggest_introductions
    from .ledger import favor_balance, ledger_flags, reciprocity
    from .plan import action_plan, personal_report, write_report
    from .store import Workspace
    from .support import assess_support, mspss_scores
    from .instruments import Instrument
    from .support_data import support_by_strength, support_codes, support_table
    from .widgets import NetworkLab
    from .widgets import RingsBoard
    from .io import load_sample, read, sample_names, sample_path, write
    from .model import EgoCollection, EgoNetwork, WholeNetwork
    from .setup_check import check_setup
    from .viz import draw
