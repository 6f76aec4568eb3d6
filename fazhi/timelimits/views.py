import calendar as _calendar

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fazhi.timelimits import calendar as cal_service
from fazhi.timelimits.calculation import KIND_LABELS, calculate
from fazhi.timelimits.engine import YearNotLoaded
from fazhi.timelimits.forms import CalculatorForm, CalendarDayForm, CalendarYearForm
from fazhi.timelimits.models import CalendarDay, CalendarYear, Rule
from fazhi.timelimits.selectors import RuleNotFound, today


@login_required
def calculator(request):
    form = CalculatorForm(request.GET or None)
    context = {"form": form}
    if form.is_valid():
        data = form.cleaned_data
        try:
            context["calculation"] = calculate(
                data["start"], rule_code=data["rule"], amount=data["amount"], unit=data["unit"]
            )
        except (YearNotLoaded, RuleNotFound) as error:
            context["error"] = str(error)
    context["kind_labels"] = KIND_LABELS
    return render(request, "timelimits/calculator.html", context)


@login_required
def rules(request):
    rules = Rule.objects.order_by("law", "title", "effective_from")
    return render(request, "timelimits/rules.html", {"rules": rules})


@login_required
@permission_required("timelimits.view_calendarday", raise_exception=True)
def calendar_year(request, year: int | None = None):
    years = list(CalendarYear.objects.values_list("year", flat=True))
    year = year or today().year
    cal = cal_service.get_calendar()
    loaded = year in cal.loaded_years
    months = []
    if loaded:
        for month in range(1, 13):
            weeks = []
            for week in _calendar.Calendar().monthdatescalendar(year, month):
                weeks.append(
                    [(d, cal.describe(d)) if d.month == month else (d, None) for d in week]
                )
            months.append((month, weeks))
    context = {
        "year": year,
        "years": years,
        "loaded": loaded,
        "months": months,
        "special_days": CalendarDay.objects.filter(year_id=year),
        "day_form": CalendarDayForm(),
        "year_form": CalendarYearForm(initial={"year": year}),
    }
    return render(request, "timelimits/calendar.html", context)


@require_POST
@login_required
@permission_required("timelimits.change_calendarday", raise_exception=True)
def calendar_add_year(request):
    form = CalendarYearForm(request.POST)
    if form.is_valid():
        year = form.cleaned_data["year"]
        cal_service.calendar_year_create(year=year, notice=form.cleaned_data["notice"])
        messages.success(
            request,
            _("Year %(year)d added: now mark its rest days and make-up working days.")
            % {"year": year},
        )
        return redirect("timelimits:calendar_year", year=year)
    messages.error(
        request, _("The year could not be added: %(errors)s") % {"errors": form.errors.as_text()}
    )
    return redirect("timelimits:calendar")


@require_POST
@login_required
@permission_required("timelimits.change_calendarday", raise_exception=True)
def calendar_set_day(request):
    form = CalendarDayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Not saved: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect("timelimits:calendar")
    day = form.cleaned_data["day"]
    if not CalendarYear.objects.filter(year=day.year).exists():
        messages.error(request, _("Add the year %(year)d first.") % {"year": day.year})
        return redirect("timelimits:calendar")
    try:
        cal_service.calendar_set_day(
            day=day, kind=form.cleaned_data["kind"] or None, name=form.cleaned_data["name"]
        )
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("%(day)s saved.") % {"day": day})
    return redirect("timelimits:calendar_year", year=day.year)
