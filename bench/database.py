"""`python -m bench.database URL`: create the benchmark's PostgreSQL database if it is missing;
exit 1 when PostgreSQL does not answer (make bench then runs on SQLite)."""

import sys

import psycopg
from psycopg import sql


def main(url: str) -> int:
    base, _slash, name = url.rpartition("/")
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as error:
        print(f"PostgreSQL at {base} does not answer: {error}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
