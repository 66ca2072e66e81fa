"""Write florentine.graphml from networkx.florentine_families_graph() (Padgett's marriage ties).

    python data/samples/florentine/make_sample.py

Node ids are the family names as networkx has them; nodes and edges in networkx's order.
networkx's pure-Python GraphML writer (ElementTree, no lxml) is used so the output is
byte-identical on every run.
"""

from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent


def main() -> None:
    g = nx.florentine_families_graph()
    nx.write_graphml_xml(g, HERE / "florentine.graphml", encoding="utf-8", prettyprint=True)
    print(f"florentine: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> {HERE}")


if __name__ == "__main__":
    main()
