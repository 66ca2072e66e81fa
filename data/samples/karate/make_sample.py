"""Write karate.graphml from networkx.karate_club_graph() (Zachary 1977).

    python data/samples/karate/make_sample.py

Keeps the node attribute `club` ("Mr. Hi" / "Officer") and the edge attribute `weight`, with
nodes and edges in networkx's order. networkx's pure-Python GraphML writer (ElementTree,
no lxml) is used so the output is byte-identical on every run.
"""

from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent


def main() -> None:
    g = nx.karate_club_graph()
    # GraphML stores node ids as text ("0" … "33"); nx.read_graphml(path, node_type=int)
    # gives back networkx's integer ids.
    nx.write_graphml_xml(g, HERE / "karate.graphml", encoding="utf-8", prettyprint=True)
    print(f"karate: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges -> {HERE}")


if __name__ == "__main__":
    main()
