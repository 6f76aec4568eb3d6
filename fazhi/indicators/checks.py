"""System checks of what the lines of work register for their figures: a forgotten
registration is an error at start, not a page that fails later."""

from django.core.checks import Error


def indicators_check(app_configs, **kwargs):
    from fazhi.core.records import all_kinds
    from fazhi.indicators.registry import all_indicators, all_totals

    indicators = {i.key: i for i in all_indicators()}
    kinds = {kind.model for kind in all_kinds()}
    errors = []
    for indicator in indicators.values():
        if indicator.kind == "ratio":
            missing = {indicator.numerator, indicator.denominator} - set(indicators)
            if missing:
                errors.append(
                    Error(
                        f"The ratio {indicator.key} names figures no one registers: "
                        f"{', '.join(sorted(missing))}.",
                        id="fazhi.E101",
                    )
                )
        elif indicator.model not in kinds:
            errors.append(
                Error(
                    f"The figure {indicator.key} counts {indicator.model._meta.label}, which has "
                    "no record kind: its records could not be listed, exported or served.",
                    hint="Register a RecordKind in the app's records.py (fazhi.core.records).",
                    id="fazhi.E102",
                )
            )
    for total in all_totals():
        missing = {total.total, *total.part_keys()} - set(indicators)
        if missing or not total.part_keys():
            errors.append(
                Error(
                    f"The total {total.total} names figures no one registers: "
                    f"{', '.join(sorted(missing)) or total.group}.",
                    id="fazhi.E103",
                )
            )
    return errors
