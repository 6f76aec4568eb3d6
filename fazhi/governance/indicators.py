"""The figures of the 依法治区 ledger. Each counts records by the day of the event it names:
a task by the day it was assigned (done: the day its completion was reported), a finding by
the day it was found, a notice's units by the day it was issued, an honour by the day it was
conferred."""

from django.db.models import F, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from fazhi.governance import models as m
from fazhi.indicators.registry import Indicator, register, register_total, within
from fazhi.timelimits.selectors import today

MODULE = "governance"


def existing_in(p) -> Q:
    """A body that existed at some time in the period."""
    return Q(established_on__lte=p.end) & (
        Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=p.start)
    )


TASK_DONE = m.Task.Status.DONE
CRITICISM = m.Notice.Tone.CRITICISM


def _count(key, label, definition, model, where, order, measure="个", **extra):
    return Indicator(
        key=key,
        label=label,
        definition=definition,
        measure=measure,
        module=MODULE,
        model=model,
        where=where,
        order=order,
        **extra,
    )


register(
    _count(
        "governance.coordination_groups",
        _("Coordination groups"),
        _(
            "Coordination groups of the district's rule-of-law committee in existence during the period."
        ),
        m.Body,
        lambda p: existing_in(p) & Q(kind=m.Body.Kind.GROUP),
        10,
    ),
    _count(
        "governance.meetings",
        _("Meetings held"),
        _(
            "Meetings of the committee, its office and its coordination groups held within the period."
        ),
        m.Meeting,
        lambda p: within("held_on", p),
        20,
        measure="次",
    ),
    *(
        _count(
            f"governance.meetings.{kind.value.lower()}",
            format_lazy("{}：{}", _("Meetings by kind"), kind.label),
            _("Meetings of this kind held within the period."),
            m.Meeting,
            lambda p, kind=kind: within("held_on", p) & Q(kind=kind),
            21 + n,
            measure="次",
            group="governance.meetings.kind",
        )
        for n, kind in enumerate(m.Meeting.Kind)
    ),
    _count(
        "governance.tasks",
        _("Tasks assigned"),
        _("Tasks of the work points and meetings assigned within the period."),
        m.Task,
        lambda p: within("assigned_on", p),
        30,
        measure="项",
    ),
    _count(
        "governance.tasks.done",
        _("Tasks done"),
        _(
            "Tasks whose completion the lead unit reported within the period and the office confirmed by the period's end."
        ),
        m.Task,
        lambda p: within("completed_on", p) & Q(status=TASK_DONE, confirmed_on__lte=p.end),
        31,
        measure="项",
    ),
    _count(
        "governance.tasks.done_on_time",
        _("Tasks done on time"),
        _(
            "Tasks done within the period (as above) whose completion was reported by their deadline."
        ),
        m.Task,
        lambda p: (
            within("completed_on", p)
            & Q(status=TASK_DONE, confirmed_on__lte=p.end, completed_on__lte=F("due_on"))
        ),
        32,
        measure="项",
    ),
    _count(
        "governance.tasks.overdue",
        _("Tasks overdue"),
        _(
            "Tasks due within the period whose deadline has passed without their completion being reported in time (still open, or reported late)."
        ),
        m.Task,
        # "Passed" is as of today: a task due later this year is not overdue yet.
        lambda p: (
            within("due_on", p)
            & Q(due_on__lt=today())
            & (Q(completed_on__isnull=True) | Q(completed_on__gt=F("due_on")))
        ),
        33,
        measure="项",
    ),
    _count(
        "governance.inspections",
        _("Inspections"),
        _("Rule-of-law inspections begun within the period."),
        m.Inspection,
        lambda p: within("started_on", p),
        40,
        measure="次",
    ),
    _count(
        "governance.findings",
        _("Problems found by inspections"),
        _("Problems found in the units inspected within the period."),
        m.Finding,
        lambda p: within("found_on", p),
        41,
    ),
    _count(
        "governance.findings.rectified",
        _("Problems rectified"),
        _(
            "Problems found within the period whose rectification the office accepted by the period's end."
        ),
        m.Finding,
        lambda p: (
            within("found_on", p) & Q(status=m.Finding.Status.ACCEPTED, accepted_on__lte=p.end)
        ),
        42,
    ),
    Indicator(
        key="governance.findings.rectification_rate",
        label=_("Rectification rate"),
        definition=_("Problems rectified ÷ problems found, in per cent."),
        measure="%",
        module=MODULE,
        numerator="governance.findings.rectified",
        denominator="governance.findings",
        order=43,
    ),
    _count(
        "governance.criticised_units",
        _("Units criticised in notices"),
        _(
            "Units named for criticism in notices issued within the period; a unit named in several notices counts once."
        ),
        m.NoticeMention,
        lambda p: within("notice__issued_on", p) & Q(notice__tone=CRITICISM),
        50,
        distinct="named_unit",
    ),
    _count(
        "governance.praised_units",
        _("Units praised in notices"),
        _(
            "Units named for praise in notices issued within the period; a unit named in several notices counts once."
        ),
        m.NoticeMention,
        lambda p: within("notice__issued_on", p) & Q(notice__tone=m.Notice.Tone.PRAISE),
        51,
        distinct="named_unit",
    ),
    _count(
        "governance.honours",
        _("Honours received"),
        _("Honours conferred within the period, one per honoured unit or person."),
        m.Honour,
        lambda p: within("conferred_on", p),
        60,
        measure="项",
    ),
    *(
        _count(
            f"governance.honours.{level.value.lower()}",
            format_lazy("{}：{}", _("Honours by level"), level.label),
            _("Honours of this level conferred within the period."),
            m.Honour,
            lambda p, level=level: within("conferred_on", p) & Q(level=level),
            61 + n,
            measure="项",
            group="governance.honours.level",
        )
        for n, level in enumerate(m.Level)
    ),
    _count(
        "governance.innovation.awards",
        _("Innovation awards"),
        _("Contest entries given the innovation award, results announced within the period."),
        m.InnovationEntry,
        lambda p: within("awarded_on", p) & Q(result=m.InnovationEntry.Result.AWARD),
        70,
    ),
    _count(
        "governance.innovation.nominations",
        _("Nomination awards"),
        _("Contest entries given the nomination award, results announced within the period."),
        m.InnovationEntry,
        lambda p: within("awarded_on", p) & Q(result=m.InnovationEntry.Result.NOMINATION),
        71,
    ),
    _count(
        "governance.innovation.page_views",
        _("Contest page views"),
        _(
            "Online page views of the contest's entries, for contests whose results were announced within the period."
        ),
        m.InnovationEntry,
        lambda p: within("awarded_on", p),
        72,
        measure="人次",
        sum_field="page_views",
    ),
    _count(
        "governance.innovation.likes",
        _("Contest likes"),
        _(
            "Likes given online to the contest's entries, for contests whose results were announced within the period."
        ),
        m.InnovationEntry,
        lambda p: within("awarded_on", p),
        73,
        measure="次",
        sum_field="likes",
    ),
    _count(
        "governance.innovation.media_reports",
        _("Media outlets reporting on the contest"),
        _(
            "Media outlets that published reports about the innovation contest within the period; an outlet reporting several times counts once."
        ),
        m.MediaReport,
        lambda p: within("published_on", p) & Q(subject=m.MediaReport.Subject.CONTEST),
        74,
        measure="家",
        distinct="outlet",
    ),
    _count(
        "governance.topic_reports",
        _("Topical reports to the party secretary"),
        _("Topical reports made to the district's party secretary within the period."),
        m.TopicReport,
        lambda p: within("reported_on", p) & Q(kind=m.TopicReport.Kind.REPORT),
        80,
        measure="次",
    ),
    _count(
        "governance.research_topics",
        _("Research topics"),
        _("Research topics on the rule of law begun within the period."),
        m.ResearchTopic,
        lambda p: within("started_on", p),
        81,
    ),
    _count(
        "demonstration.participating_units",
        _("Units in the demonstration creation"),
        _(
            "Units taking part in a demonstration application begun within the period; a unit in several applications counts once."
        ),
        m.DemonstrationParticipant,
        lambda p: within("application__started_on", p),
        90,
        distinct="participant",
    ),
)


def in_years(field: str, p) -> Q:
    """Records of a year (an assessment, a leader's duties, a unit's report) count in every
    period that touches that year."""
    return Q(**{f"{field}__gte": p.start.year, f"{field}__lte": p.end.year})


DUTY = m.LeaderDuty.ReportForm
register(
    _count(
        "governance.assessment.units",
        _("Units assessed"),
        _("Units scored in the rule-of-law assessment of the years the period touches."),
        m.AssessmentResult,
        lambda p: in_years("scheme__year", p),
        100,
    ),
    _count(
        "governance.assessment.points",
        _("Assessment points in all"),
        _("The totals of the units assessed, added up (the average's numerator)."),
        m.AssessmentResult,
        lambda p: in_years("scheme__year", p),
        101,
        measure="分",
        sum_field="total",
    ),
    Indicator(
        key="governance.assessment.average",
        label=_("Average assessment score"),
        definition=_("Assessment points in all ÷ units assessed."),
        measure="分",
        module=MODULE,
        numerator="governance.assessment.points",
        denominator="governance.assessment.units",
        scale=1,
        order=102,
    ),
    _count(
        "governance.assessment.below_line",
        _("Units below the pass line"),
        _("Units whose assessment total fell below the scheme's pass line."),
        m.AssessmentResult,
        lambda p: in_years("scheme__year", p) & Q(total__lt=F("scheme__pass_line")),
        103,
    ),
    _count(
        "governance.assessment.city_score",
        _("District's score in the city's assessment"),
        _(
            "The district's score in the city's rule-of-law assessment of the years the period touches."
        ),
        m.AssessmentScheme,
        lambda p: in_years("year", p),
        104,
        measure="分",
        sum_field="city_score",
    ),
    _count(
        "governance.leaders.study_sessions",
        _("Study sessions on law"),
        _(
            "Sessions of the party committees' (groups') central study groups on law, in the units' records of the years the period touches."
        ),
        m.LeaderDuty,
        lambda p: in_years("year", p),
        110,
        measure="次",
        sum_field="study_sessions",
    ),
    _count(
        "governance.leaders.agenda_items",
        _("Rule-of-law items on standing meetings' agendas"),
        _(
            "Times the units' standing meetings took up the rule of law as a topic, in the records of the years the period touches."
        ),
        m.LeaderDuty,
        lambda p: in_years("year", p),
        111,
        measure="次",
        sum_field="agenda_items",
    ),
    _count(
        "governance.leaders.law_reports",
        _("Units whose leader reported on the rule of law"),
        _(
            "Units whose principal leader reported on the rule of law (in the year-end report on duties or on site) in the years the period touches."
        ),
        m.LeaderDuty,
        lambda p: in_years("year", p) & ~Q(report_form=DUTY.NONE),
        112,
    ),
    _count(
        "governance.leaders.on_site_reports",
        _("On-site reports on the rule of law"),
        _(
            "Units whose principal leader reported on the rule of law on site, in the years the period touches."
        ),
        m.LeaderDuty,
        lambda p: in_years("year", p) & Q(report_form=DUTY.ON_SITE),
        113,
    ),
    _count(
        "governance.unit_reports.expected",
        _("Unit reports due"),
        _(
            "Departments' and townships' annual reports on the years the period touches that the office tracks."
        ),
        m.UnitReport,
        lambda p: in_years("year", p),
        120,
        measure="份",
    ),
    _count(
        "governance.unit_reports.late_or_missing",
        _("Unit reports late or missing"),
        _("Of those, reports past their 31 March deadline and not sent, or sent after it."),
        m.UnitReport,
        # not sent and past due (a report not due yet is not missing), or sent late
        lambda p: (
            in_years("year", p)
            & (Q(sent_on__isnull=True, due_on__lt=today()) | Q(sent_on__gt=F("due_on")))
        ),
        121,
        measure="份",
    ),
    _count(
        "governance.unit_reports.published_on_time",
        _("Unit reports published on time"),
        _("Of those, reports published before 1 April of the following year."),
        m.UnitReport,
        lambda p: in_years("year", p) & Q(published_on__lte=F("due_on")),
        122,
        measure="份",
    ),
    _count(
        "governance.model_villages",
        _("Model villages named"),
        _("Villages and communities named democracy and rule-of-law models within the period."),
        m.ModelVillage,
        lambda p: within("named_on", p),
        130,
    ),
)
register_total("governance.honours", group="governance.honours.level")
register_total("governance.meetings", group="governance.meetings.kind")
