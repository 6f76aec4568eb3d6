"""信访事项 (petitions): a line of work that exists only in the test run, built on the kit
alone, to prove that a line of work is local to its app. Added to INSTALLED_APPS by
fazhi/settings.py when tests run; no file outside this folder names it.

A petition is registered (its 15-day acceptance clock starts, 信访工作条例 第32条), accepted
and answered: two steps, a clock, a figure with a trend, a report item with a sub-section of
its own, a ledger, demo records and a demo user, scale data."""
