"""Date inputs keep their value when a form is shown again."""

import datetime as dt

from factcheck.web.forms import DateInput


def test_date_input_renders_iso_so_the_browser_shows_the_date():
    html = DateInput().render("due", dt.date(2024, 2, 26))
    assert 'type="date"' in html
    assert 'value="2024-02-26"' in html
