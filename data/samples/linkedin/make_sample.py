"""Write Connections.csv: a small, invented LinkedIn "Connections" export.

    python data/samples/linkedin/make_sample.py

The layout is LinkedIn's own (a "Notes:" preamble, a blank line, then the header
First Name, Last Name, URL, Email Address, Company, Position, Connected On); every person,
company and address is made up. Notebook 01 reads it with ``infer_ties="company"``.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

ROWS = [
    ("Ada", "Okafor", "Northwind Traders", "Analyst", "15 Mar 2021"),
    ("Bruno", "Keller", "Northwind Traders", "Team Lead", "02 Nov 2019"),
    ("Chiara", "Ricci", "Contoso", "Engineer", "07 Jan 2022"),
    ("Dmitri", "Volkov", "Contoso", "Product Manager", "21 Aug 2020"),
    ("Eun-ji", "Park", "Fabrikam", "Designer", "30 Jun 2023"),
]


def main() -> None:
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for first, last, company, position, since in ROWS:
        url = f"https://www.linkedin.com/in/example-{first.lower()}"
        lines.append(f"{first},{last},{url},,{company},{position},{since}")
    (HERE / "Connections.csv").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    print(f"linkedin: {len(ROWS)} connections -> {HERE}")


if __name__ == "__main__":
    main()
