"""Helpers the apps' tests share."""


def page_statements(captured) -> list[str]:
    """The SQL of one page view, without the session's own statements (the session is renewed
    once a minute, whenever the minute turns) and the test transaction's savepoints."""
    return [
        q["sql"]
        for q in captured
        if "django_session" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


def drop_downs(book) -> dict[str, list[str]]:
    """A ledger template's drop-downs: header → the options offered (read from the hidden
    options sheet its rules point at)."""
    sheet = book.worksheets[0]
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for validation in sheet.data_validations.dataValidation:
        where, cells = validation.formula1.split("!")
        options = book[where.strip("'")][cells.replace("$", "")]
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        found[headers[letter]] = [row[0].value for row in options]
    return found
