"""Reading a test database: `q(db, sql, *args)` -> rows, `one(db, sql, *args)` -> first value."""
from __future__ import annotations

import sqlite3


def q(db, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def one(db, sql: str, *args):
    rows = q(db, sql, *args)
    return rows[0][0] if rows else None
