"""Make the blank fill-in templates for one personal network.

    python data/templates/make_templates.py

writes, next to this script:

- network-template.xlsx  sheets: people, ties, me, instructions
- csv/alters.csv         header only
- csv/ties.csv           header only

The data sheets hold only their header rows (help lives in input messages and drop-downs,
which do not create cells), so reading a blank template gives an empty network. The output
is deterministic: fixed workbook dates and fixed timestamps inside the .xlsx zip, so a rerun
gives byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2026, 11, 1, 0, 0, 0)
ZIP_TIME = (2026, 11, 1, 0, 0, 0)

PEOPLE_COLUMNS = ["name", "context", "closeness", "frequency", "years_known", "confiding",
                  "support_given", "support_received", "last_contact", "notes"]
TIE_COLUMNS = ["source", "target", "type"]
PEOPLE_ROWS = 200   # validations cover rows 2..200; ties pick names from people!A2:A200
TIE_ROWS = 1000
CONTEXTS = ["family", "close friends", "college", "school", "current job", "former job",
            "neighbourhood", "online community", "club", "other"]
TIE_TYPES = ["family", "friends", "coworkers", "classmates", "neighbours", "online", "other"]

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

# column: (width, input title (<= 32 chars), input message (<= 255 chars))
PEOPLE_HELP = {
    "name": (26, "Name", "What you call this person: first name, nickname, full name. Accents, "
             "emoji and quotes are fine. Use each name once: if two people share a name, "
             "add a surname or initial (Sam O., Sam L.)."),
    "context": (20, "Context", "Where you know them from: family, close friends, college, "
                "current job, former job, neighbourhood, online community, ... Pick from the "
                "list or type your own word."),
    "closeness": (11, "Closeness 1-4", "How close do you feel? 1 not close, 2 somewhat close, "
                  "3 close, 4 very close."),
    "frequency": (11, "Contact frequency 1-5", "How often are you in touch? 1 less than once a "
                  "year, 2 a few times a year, 3 monthly, 4 weekly, 5 daily."),
    "years_known": (13, "Years known", "How many years you have known them (0 or more; "
                    "0.5 for six months)."),
    "confiding": (11, "Confiding: yes/no", "yes if you discuss important or personal matters "
                  "with this person."),
    "support_given": (15, "Support given: yes/no", "yes if you have helped this person in the "
                      "last year (advice, a favour, a contact, a listening ear)."),
    "support_received": (17, "Support received: yes/no", "yes if this person has helped you in "
                         "the last year."),
    "last_contact": (14, "Last contact (date)", "When you were last in touch, as a date: "
                     "YYYY-MM-DD, for example 2026-03-14. Leave empty if you are not sure."),
    "notes": (40, "Notes", "Anything you want to remember. Notes are dropped when you "
              "pseudonymise your network for sharing."),
}
TIES_HELP = {
    "source": (26, "Person 1", "Pick a name from the people sheet (add the person there "
               "first)."),
    "target": (26, "Person 2", "Pick another name from the people sheet: someone who knows "
               "person 1. Write each pair once."),
    "type": (18, "Type (optional)", "How these two know each other: family, friends, "
             "coworkers, ... Pick from the list or type your own word; or leave empty."),
}

INSTRUCTIONS = [
    ("title", "Map your personal network"),
    ("text", "This workbook describes one personal network: you, the people you know, and "
             "which of them know each other. Fill in the sheets 'people', 'ties' and 'me', "
             "save, and open it in netkit:  nk.read(\"your-copy.xlsx\")"),
    ("text", "Work on a copy of this file, not on the blank template itself."),
    ("blank", ""),
    ("head", "Sheet 'people': one row per person"),
    ("text", "name - what you call this person. Use each name once; if two people share a "
             "name, add a surname or initial (Sam O., Sam L.). Accents, emoji and quotes are fine."),
    ("text", "context - where you know them from: family, close friends, college, current "
             "job, former job, neighbourhood, online community, ... (pick or type your own)."),
    ("text", "closeness - how close you feel: 1 not close, 2 somewhat close, 3 close, 4 very close."),
    ("text", "frequency - how often you are in touch: 1 less than once a year, 2 a few times a "
             "year, 3 monthly, 4 weekly, 5 daily."),
    ("text", "years_known - how many years you have known them (0 or more)."),
    ("text", "confiding - yes if you discuss important or personal matters with them, otherwise no."),
    ("text", "support_given - yes if you have helped them in the last year, otherwise no."),
    ("text", "support_received - yes if they have helped you in the last year, otherwise no."),
    ("text", "last_contact - when you were last in touch, as a date YYYY-MM-DD (e.g. 2026-03-14)."),
    ("text", "notes - anything you like. Notes are dropped when you pseudonymise for sharing."),
    ("text", "Only 'name' is needed; leave a cell empty if you do not know. Yes/no columns also "
             "accept y/n, true/false and 1/0."),
    ("blank", ""),
    ("head", "Sheet 'ties': who knows whom"),
    ("text", "One row per pair: two people from the people sheet who know each other. Pick "
             "both names from the drop-down lists (add a person on the people sheet first). "
             "Write each pair once; A-B and B-A are the same tie."),
    ("text", "type (optional) - how the two know each other: family, friends, coworkers, ..."),
    ("text", "You do not need a row for yourself: everyone on the people sheet is linked to you "
             "already."),
    ("blank", ""),
    ("head", "Sheet 'me'"),
    ("text", "Type your own name (or just 'me') under the 'name' header."),
    ("blank", ""),
    ("head", "Privacy"),
    ("text", "This file is about real people. It stays on your computer: netkit reads it "
             "locally and sends nothing anywhere. Do not share it, e-mail it, upload it or "
             "commit it to a git repository. If you want to share results, use netkit's "
             "pseudonymise step first."),
]


def header(ws, columns: list[str], help_: dict) -> None:
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=col)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        letter = cell.column_letter
        ws.column_dimensions[letter].width = help_[col][0]
    ws.freeze_panes = "A2"


def validation(ws, col_letter: str, last_row: int, title: str, prompt: str, **kw) -> None:
    dv = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=title,
                        prompt=prompt, **kw)
    assert len(title) <= 32 and len(prompt) <= 255, (title, len(prompt))
    dv.add(f"{col_letter}2:{col_letter}{last_row}")
    ws.add_data_validation(dv)


def quoted_list(items: list[str]) -> str:
    return '"' + ",".join(items) + '"'


def build_workbook() -> Workbook:
    wb = Workbook()
    people = wb.active
    people.title = "people"
    header(people, PEOPLE_COLUMNS, PEOPLE_HELP)
    letters = {c: people.cell(row=1, column=i).column_letter
               for i, c in enumerate(PEOPLE_COLUMNS, start=1)}
    # text columns stay text (so 007 or 1-2 are not turned into numbers or dates)
    for col in ("name", "context", "notes"):
        people.column_dimensions[letters[col]].number_format = "@"
    people.column_dimensions[letters["last_contact"]].number_format = "yyyy-mm-dd"
    last = PEOPLE_ROWS
    for col in ("name", "last_contact", "notes"):
        validation(people, letters[col], last, *PEOPLE_HELP[col][1:])
    validation(people, letters["context"], last, *PEOPLE_HELP["context"][1:],
               type="list", formula1=quoted_list(CONTEXTS), showErrorMessage=False)
    for col, hi in (("closeness", 4), ("frequency", 5)):
        validation(people, letters[col], last, *PEOPLE_HELP[col][1:],
                   type="whole", operator="between", formula1="1", formula2=str(hi),
                   showErrorMessage=True, errorTitle=f"{col}: 1 to {hi}",
                   error=f"Type a whole number from 1 to {hi}. {PEOPLE_HELP[col][2]}")
    validation(people, letters["years_known"], last, *PEOPLE_HELP["years_known"][1:],
               type="decimal", operator="greaterThanOrEqual", formula1="0",
               showErrorMessage=True, errorTitle="years_known: 0 or more",
               error="Type a number of years, 0 or more (for example 3 or 0.5).")
    for col in ("confiding", "support_given", "support_received"):
        validation(people, letters[col], last, *PEOPLE_HELP[col][1:],
                   type="list", formula1=quoted_list(["yes", "no"]),
                   showErrorMessage=True, errorTitle=f"{col}: yes or no",
                   error="Pick yes or no from the list.")

    ties = wb.create_sheet("ties")
    header(ties, TIE_COLUMNS, TIES_HELP)
    for col, letter in (("source", "A"), ("target", "B")):
        validation(ties, letter, TIE_ROWS, *TIES_HELP[col][1:],
                   type="list", formula1=f"people!$A$2:$A${PEOPLE_ROWS}",
                   showErrorMessage=True, errorTitle="Name not on the people sheet",
                   error="Pick a name from the list. Add the person on the people sheet first.")
    validation(ties, "C", TIE_ROWS, *TIES_HELP["type"][1:],
               type="list", formula1=quoted_list(TIE_TYPES), showErrorMessage=False)

    me = wb.create_sheet("me")
    header(me, ["name"], {"name": (26, "", "")})
    validation(me, "A", 2, "Your name", "Type your own name (or just 'me') in this cell.")

    info = wb.create_sheet("instructions")
    info.column_dimensions["A"].width = 110
    for r, (kind, text) in enumerate(INSTRUCTIONS, start=1):
        if kind == "blank":
            continue
        cell = info.cell(row=r, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if kind == "title":
            cell.font = Font(bold=True, size=14)
        elif kind == "head":
            cell.font = Font(bold=True, size=12)
    wb.active = wb.index(info)  # open on the instructions the first time
    people.sheet_view.tabSelected = False
    info.sheet_view.tabSelected = True

    props = wb.properties
    props.creator = "netkit"
    props.lastModifiedBy = "netkit"
    props.title = "Personal network template"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


def save_deterministic(wb: Workbook, path: Path) -> None:
    """Save without openpyxl's 'modified = now' and with fixed zip timestamps."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    path.write_bytes(out.getvalue())


def write_header_csv(path: Path, columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(columns)


def main() -> None:
    save_deterministic(build_workbook(), HERE / "network-template.xlsx")
    write_header_csv(HERE / "csv" / "alters.csv", PEOPLE_COLUMNS)
    write_header_csv(HERE / "csv" / "ties.csv", TIE_COLUMNS)
    print(f"templates -> {HERE}")


if __name__ == "__main__":
    main()
