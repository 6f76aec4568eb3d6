"""Registers: the plain records a line of work keeps beside its casework (honours, meetings,
notices, media reports …) — a list with search, a year and choice filters and an Excel export, a
record page, and a form to add or edit — declared once:

    HONOURS = Register(
        model=Honour, form=HonourForm, heading=_("Honours"),
        columns=("honoured", "title", "level", "conferred_on"), search=("honoured", "title"),
        date_field="conferred_on", filters=("level",), save=services.honour_save,
    )
    urlpatterns = [*HONOURS.urls()]          # honours/, honours/new/, honours/<pk>/, …/edit/

`save(user=, instance=, **cleaned_data)` is the app's service (instance None: a new record); it
checks the version (`lock_for_edit`) and the rules. The form is a ModelForm taking `viewer`;
its unit fields offer only units within the viewer's scope. Reads go through `selector`
(default: `visible_to`), so the scope holds on every page, the export and the record kind."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from fazhi.core.audit import history_for, log_personal_data_viewed
from fazhi.core.forms import StyledForm, put_errors
from fazhi.core.ledgers import export_sheet, text_safe_row
from fazhi.core.pagination import page_of
from fazhi.core.rendering import XLSX, bootstrap_filter, export_xlsx, list_context, render_list
from fazhi.core.validators import mask_id_number
from fazhi.org.scope import get_visible_or_404
from fazhi.timelimits.filters import ClockFilter
from fazhi.timelimits.selectors import with_next_due

PAGE_SIZE = 30

YES_NO = [("1", gettext_lazy("Yes")), ("0", gettext_lazy("No"))]


def display(record, name: str) -> str:
    """A field's value as a page shows it: choices by label, dates as 2019-03-15, units by
    name, many units joined, booleans 是/否, empty as —."""
    try:
        model_field = record._meta.get_field(name)
    except Exception:  # a property of the model
        value = getattr(record, name)
        if hasattr(value, "strftime"):
            return value.strftime("%Y-%m-%d")
        return "—" if value in (None, "") else str(value)
    if model_field.many_to_many:
        return "、".join(str(u) for u in getattr(record, name).all()) or "—"
    if model_field.choices:
        return getattr(record, f"get_{name}_display")() or "—"
    value = getattr(record, name)
    if isinstance(model_field, models.FileField):
        return value.name.rsplit("/", 1)[-1] if value else "—"
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(model_field, models.DateField) and value:
        return value.strftime("%Y-%m-%d")
    if isinstance(model_field, models.IntegerField) and value is not None:
        return f"{value:,}" if value >= 10000 else str(value)  # 942,782 views; the year 2019
    if isinstance(model_field, models.DecimalField) and value is not None:
        return format(value.normalize(), "f")  # 80 points, 92.5 points
    return "—" if value in (None, "") else str(value)


def cell_value(record, name: str):
    """A field as an Excel cell: numbers and dates as themselves (to sum and sort), the rest as
    the page words it."""
    from datetime import date
    from decimal import Decimal

    value = getattr(record, name, None)
    try:
        has_choices = bool(record._meta.get_field(name).choices)
    except Exception:
        has_choices = False
    if not has_choices and isinstance(value, int | Decimal | date) and not isinstance(value, bool):
        return value
    if value is None:
        return None
    return display(record, name)


def save_record(model, *, instance, version, user, fields: dict, many: dict | None = None):
    """What a register's service does once its rules passed: create the record (instance
    None) or change the stored one after checking the version the user saw
    (`lock_for_edit`), validate it and save it (audited); `many` sets its many-to-many fields
    after the save. Call inside the service's transaction."""
    from fazhi.core.versioning import lock_for_edit

    # A file field cleared on the form comes as False: no file (as Django's own forms save it).
    files = {f.name for f in model._meta.fields if isinstance(f, models.FileField)}
    fields = {k: ("" if v is False and k in files else v) for k, v in fields.items()}
    if instance is None:
        record = model(created_by=user, **fields)
    else:
        record = lock_for_edit(model, instance.pk, version)
        for name, value in fields.items():
            if value is None and name in files:
                continue  # no new upload: the stored file stays
            setattr(record, name, value)
    record.full_clean()
    record.save()
    for name, values in (many or {}).items():
        getattr(record, name).set(values)
    return record


class RegisterForm(StyledForm, forms.ModelForm):
    """A register's form: unit fields offer the viewer's units only (of `unit_kinds`, when
    the register names them); `version` guards edits."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)
    unit_kinds: tuple = ()

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.org.models import Unit

        for form_field in self.fields.values():
            queryset = getattr(form_field, "queryset", None)
            if queryset is not None and queryset.model is Unit:
                units = Unit.objects.visible_to(viewer).filter(is_active=True)
                if self.unit_kinds:
                    units = units.filter(kind__in=self.unit_kinds)
                form_field.queryset = units.order_by("path")
            if isinstance(form_field.widget, forms.CheckboxSelectMultiple):
                form_field.col = "col-12"  # a list of units needs the row's width
            if isinstance(form_field.widget, forms.ClearableFileInput):
                # The record's page links the stored file (served within scope); a new upload
                # replaces it.
                form_field.widget = forms.FileInput(attrs=form_field.widget.attrs)
            if isinstance(form_field.widget, forms.DateInput):
                form_field.widget.input_type = "date"
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        """A unit list keeps the units the editor was not offered (outside their scope, or
        since deactivated): saving must not drop what they could not see."""
        cleaned = super().clean()
        for name, form_field in self.fields.items():
            offered = getattr(form_field, "queryset", None)
            if not isinstance(form_field, forms.ModelMultipleChoiceField) or name not in cleaned:
                continue
            current = self.initial.get(name) or []
            kept = [getattr(u, "pk", u) for u in current]
            hidden = set(kept) - set(offered.filter(pk__in=kept).values_list("pk", flat=True))
            if hidden:
                extra = offered.model._default_manager.filter(pk__in=hidden)
                cleaned[name] = list(cleaned[name]) + list(extra)
        return cleaned

    def _post_clean(self):
        pass  # the model's own validation runs in the service


@dataclass
class Register:
    model: type
    form: type[RegisterForm]
    heading: str
    columns: tuple[str, ...]  # shown in the list, the first links to the record
    search: tuple[str, ...]  # the fields the search box looks in
    date_field: str  # the year filter's field, and the newest-first order
    save: Callable
    filters: tuple[str, ...] = ()  # choice (or yes/no) fields offered as filters
    detail_fields: tuple[str, ...] = ()  # default: the form's fields
    add_label: str = gettext_lazy("Add")
    related: Callable | None = None  # (record, request) → more for the record's page
    detail_template: str = "core/register_detail.html"
    extra_template: str = ""  # included on the record's page (its related records)
    select_related: tuple[str, ...] = ()
    clocks: bool = False  # its records carry clocks: a 期限 column and filter on its list
    year_is_number: bool = False  # `date_field` holds a year (2019), not a date
    year_filter: bool = True  # False: `date_field` only orders (an organ's entry date)
    labels: dict = field(default_factory=dict)  # for columns that are properties
    list_template: str = "core/register_list.html"
    ledger: str = ""  # the Excel ledger its list exports to ("" → the list's columns)
    ordering: tuple[str, ...] = ()  # the list's order (default: newest `date_field` first)
    # Resident ID numbers: masked unless the viewer holds `id_permission`; each record whose
    # full number was shown (list, page, export) goes on the audit trail.
    id_fields: tuple[str, ...] = ()
    id_permission: str = ""
    filterset: type = field(init=False)

    def __post_init__(self):
        meta = self.model._meta
        self.app_label, self.name = meta.app_label, meta.model_name
        self.filterset = self._filterset()

    def shows_full_ids(self, user) -> bool:
        return bool(self.id_fields) and user.has_perm(self.id_permission)

    def cell_text(self, record, name: str, full_ids: bool) -> str:
        if name in self.id_fields and not full_ids:
            return mask_id_number(getattr(record, name))
        return display(record, name)

    def note_ids_shown(self, user, records, names, via) -> None:
        if self.shows_full_ids(user) and set(self.id_fields) & set(names):
            shown = [(r.pk, str(r)) for r in records]
            log_personal_data_viewed(
                user, self.model, shown, what=_("full resident ID numbers"), via=via
            )

    def label(self, name: str) -> str:
        """A column's heading: the field's verbose name (of the first step of a path)."""
        if name in self.labels:
            return str(self.labels[name])
        return str(self.model._meta.get_field(name.split("__")[0]).verbose_name)

    # --- reads -------------------------------------------------------------------------

    def selector(self, viewer):
        rows = self.model.objects.visible_to(viewer)
        if self.select_related:
            rows = rows.select_related(*self.select_related)
        return with_next_due(rows) if self.clocks else rows

    def get_for_user(self, user, pk):
        return get_visible_or_404(self.selector(user), user, pk)

    def rows_context(self, viewer) -> dict:
        return {"register": self}

    def _filterset(self):
        search, date_field = self.search, self.date_field

        def search_text(queryset, name, value):
            words = Q()
            for name in search:
                words |= Q(**{f"{name}__icontains": value.strip()})
            return queryset.filter(words)

        attrs = {"q": django_filters.CharFilter(label=gettext_lazy("Search"), method=search_text)}
        if self.year_filter:
            attrs["year"] = django_filters.NumberFilter(
                label=gettext_lazy("Year"),
                field_name=date_field,
                lookup_expr="exact" if self.year_is_number else "year",
            )
        if self.clocks:
            attrs["clock"] = ClockFilter()
        for name in self.filters:
            model_field = self.model._meta.get_field(name)
            # A yes/no field filters as 是 / 否 (a case file short of certified officers).
            yes_no = isinstance(model_field, models.BooleanField)
            attrs[name] = django_filters.ChoiceFilter(
                label=model_field.verbose_name,
                choices=YES_NO if yes_no else model_field.choices,
                empty_label=gettext_lazy("All"),
            )
        return type(f"{self.model.__name__}Filter", (django_filters.FilterSet,), attrs)

    # --- pages ---------------------------------------------------------------------------

    def _perm(self, action: str) -> str:
        return f"{self.app_label}.{action}_{self.name}"

    def _require(self, request, action: str):
        if not request.user.has_perm(self._perm(action)):
            raise PermissionDenied

    def list_view(self, request):
        self._require(request, "view")
        filterset = self.filterset(request.GET, queryset=self.selector(request.user))
        rows = filterset.qs if filterset.is_valid() else self.selector(request.user).none()
        rows = rows.order_by(*(self.ordering or (f"-{self.date_field}", "-pk")))
        if request.GET.get("export") == "xlsx":
            if self.ledger:
                return export_xlsx(request, self.ledger, rows, str(self.heading))
            return self.export(rows, request.user)
        page = page_of(request, rows, PAGE_SIZE)
        self.note_ids_shown(request.user, list(page), self.columns, _("list page"))
        context = {
            "filter": bootstrap_filter(filterset),
            "page": page,
            "full_ids": self.shows_full_ids(request.user),
            "register": self,
            "can_add": request.user.has_perm(self._perm("add")),
            "add_url": f"{request.resolver_match.namespace}:{self.name}_create",
            **list_context(
                self.heading,
                f"{request.resolver_match.namespace}:{self.name}_list",
                "core/_register_rows.html",
                "、".join(self.label(n) for n in self.search),
            ),
        }
        return render_list(request, self.list_template, context["rows_template"], context)

    def export(self, rows, user):
        book = Workbook(write_only=True)
        headers = [self.label(n) for n in self.columns]
        sheet = export_sheet(book, str(self.heading), headers, [24] * len(headers))
        full_ids = self.shows_full_ids(user)
        for record in rows.iterator(chunk_size=500):
            values = [
                self.cell_text(record, n, full_ids)
                if n in self.id_fields
                else cell_value(record, n)
                for n in self.columns
            ]
            sheet.append(text_safe_row(sheet, values))
        self.note_ids_shown(user, rows, self.columns, _("Excel export"))
        target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
        book.save(target)
        target.seek(0)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return FileResponse(
            target, as_attachment=True, filename=f"{self.heading}-{stamp}.xlsx", content_type=XLSX
        )

    def detail_view(self, request, pk):
        self._require(request, "view")
        record = self.get_for_user(request.user, pk)
        names = self.detail_fields or tuple(self.form._meta.fields)
        self.note_ids_shown(request.user, [record], names, _("record page"))
        context = {
            "record": record,
            "register": self,
            "fields": [(self.label(n), *self._shown(record, n, request)) for n in names],
            "can_change": request.user.has_perm(self._perm("change")),
            "list_url": f"{request.resolver_match.namespace}:{self.name}_list",
            "edit_url": f"{request.resolver_match.namespace}:{self.name}_edit",
            "history": history_for(record, request.user),
        }
        if self.related:
            context |= self.related(record, request)
        return render(request, self.detail_template, context)

    def _shown(self, record, name: str, request) -> tuple[str, str]:
        """A field as the record's page shows it, with a link for a file; a record it refers
        to outside the viewer's scope is not named (as on the change history)."""
        m = models

        try:
            model_field = record._meta.get_field(name)
        except Exception:
            return display(record, name), ""
        if name in self.id_fields:
            return self.cell_text(record, name, self.shows_full_ids(request.user)), ""
        if isinstance(model_field, m.FileField) and getattr(record, name):
            namespace = request.resolver_match.namespace
            return display(record, name), reverse(
                f"{namespace}:{self.name}_file", args=[record.pk, name]
            )
        if model_field.many_to_many and hasattr(model_field.related_model.objects, "visible_to"):
            related = getattr(record, name).all()
            visible = list(related.visible_to(request.user))
            hidden = related.count() - len(visible)
            text = "、".join(str(r) for r in visible) or "—"
            if hidden:
                more = _("%(count)d more outside your data scope") % {"count": hidden}
                text = f"{text}、{more}" if visible else more
            return text, ""
        if model_field.many_to_one and getattr(record, f"{name}_id"):
            related = model_field.related_model
            if hasattr(related.objects, "visible_to"):
                visible = related.objects.visible_to(request.user)
                if not visible.filter(pk=getattr(record, f"{name}_id")).exists():
                    return _("(outside your data scope)"), ""
        return display(record, name), ""

    def file_view(self, request, pk, name):
        """A file of the record, to those who may see the record."""
        m = models
        from django.http import Http404

        self._require(request, "view")
        record = self.get_for_user(request.user, pk)
        try:
            model_field = record._meta.get_field(name)
        except Exception:
            raise Http404 from None
        stored = getattr(record, name, None) if isinstance(model_field, m.FileField) else None
        if not stored:
            raise Http404
        return FileResponse(
            stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1]
        )

    def form_view(self, request, pk=None):
        self._require(request, "change" if pk else "add")
        record = self.get_for_user(request.user, pk) if pk else None
        # A new record may start from another's page (a meeting's decision → a task): the
        # address names the field's value; the form's own choices still decide what is valid.
        initial = {} if pk else {k: v for k, v in request.GET.items() if k in self.form.base_fields}
        form = self.form(
            request.POST or None,
            request.FILES or None,
            instance=record,
            initial=initial,
            viewer=request.user,
        )
        if self.id_fields and not self.shows_full_ids(request.user):
            if record is None:  # a new record needs its ID number: only those who may read it
                raise PermissionDenied
            for name in self.id_fields:
                form.fields.pop(name, None)  # kept as stored
        if request.method == "POST" and form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version", None)
            try:
                saved = self.save(user=request.user, instance=record, version=version, **data)
            except ValidationError as error:
                put_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(saved)
        context = {
            "form": form,
            "record": record,
            "register": self,
            "list_url": f"{request.resolver_match.namespace}:{self.name}_list",
        }
        return render(request, "core/register_form.html", context)

    def urls(self, prefix: str) -> list:
        """List, new, record and edit pages under `prefix` ("honours/")."""
        login = login_required
        return [
            path(prefix, login(self.list_view), name=f"{self.name}_list"),
            path(f"{prefix}new/", login(self.form_view), name=f"{self.name}_create"),
            path(f"{prefix}<int:pk>/", login(self.detail_view), name=f"{self.name}_detail"),
            path(f"{prefix}<int:pk>/edit/", login(self.form_view), name=f"{self.name}_edit"),
            path(
                f"{prefix}<int:pk>/file/<str:name>/",
                login(self.file_view),
                name=f"{self.name}_file",
            ),
        ]
