"""Helpers the apps' tests share."""


def page_statements(captured) -> list[str]:
    """The SQL of one page view, without the session's own statements (the session is renewed
    once a minute, whenever the minute turns) and the test transaction's savepoints."""
    return [
        q["sql"]
        for q in captured
        if "django_session" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]
