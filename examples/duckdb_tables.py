"""The catalogue's tables as Parquet files, joined and unnested by DuckDB.

Run:  python examples/duckdb_tables.py [--out DIR]

Writes documents.parquet, people.parquet and correspondence.parquet into DIR
(a new temporary folder when not given), then asks DuckDB how many messages
Stalin sent each year, who wrote most often to whom, and how many documents
each collection holds (UNNEST of a list column). Needs the arrow extra and
duckdb (``pip install 'sinosoviet-docs[arrow]' duckdb``). No network.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import sinosoviet_docs as ssd

QUERIES = {
    "messages Stalin sent, by year": """
        SELECT year(d.date_earliest) AS year, count(*) AS sent
        FROM 'people.parquet' p JOIN 'documents.parquet' d ON d.id = p.document_id
        WHERE p.person_id = 'stalin' AND p.role = 'sender'
        GROUP BY year ORDER BY year
    """,
    "who wrote to whom most often": """
        SELECT s AS sender, r AS recipient, count(*) AS messages
        FROM 'correspondence.parquet', unnest(senders) AS t1(s), unnest(recipients) AS t2(r)
        GROUP BY s, r ORDER BY messages DESC, s, r LIMIT 5
    """,
    "documents per collection": """
        SELECT c AS collection, count(*) AS documents
        FROM (SELECT unnest(collections) AS c FROM 'documents.parquet')
        GROUP BY c ORDER BY documents DESC, c
    """,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the Parquet files")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="sinosoviet-parquet-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        import duckdb
    except ImportError:
        raise SystemExit("this example needs duckdb: pip install duckdb") from None

    cat = ssd.load()
    for table in ("documents", "people", "correspondence"):
        cat.query().to_parquet(out / f"{table}.parquet", table=table)
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{out}'")
    for title, sql in QUERIES.items():
        print(f"-- {title}")
        for row in con.execute(sql).fetchall():
            print("  ".join(str(value) for value in row))
        print()


if __name__ == "__main__":
    main()
