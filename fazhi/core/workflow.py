"""The workflow kit: a record kind's steps, declared once.

A line of work lists the steps of a record kind in its `workflow.py`: for each, the form that
defines its input, the service it calls, the permission it needs, when it is open and what the
page says once it is done. From that one declaration come

- the step's page (`<prefix><pk>/steps/<key>/`, `Workflow.urls`), with its errors put back on
  the form, or, for a step with nothing to fill in, back on the record's page;
- the "next steps" panel of the record's page (`Workflow.offered` + `core/_steps.html`);
- the API action (`POST …/<id>/<key>/`, `Workflow.api_actions`), its input validated by the same
  form, a stale `version` answered 409 and a service's refusal 400 with its field errors.

Services stay plain `<entity>_<action>(*, <record>, version, user, …)` functions; the kit calls
them with the form's `service_arguments()`. The kit imports no line of work: models, forms,
services and serializers are passed in.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.forms import StyledForm, put_errors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A record's page shows the forms of its steps open when there are this few (else folded).
SHOWN_OPEN = 2
NOT_AN_OBJECT = _("Send the step's fields as a JSON object.")


# --- the input of a step --------------------------------------------------------------------


class StepForm(StyledForm, forms.Form):
    """A step's input: the version of the record its author saw, and the step's own fields.
    `record` and `user` are there for choices that depend on them (a case's decisions, the
    reviewers a user may name)."""

    # Text, not a number: any value that is not the stored version (none included, on a page)
    # is refused as stale. An API caller must name it.
    version = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"required": _("Give the version of the record you read.")},
    )
    # What an API caller may leave out, and what it then means (an HTML checkbox left
    # unticked sends nothing, so the page cannot have such defaults).
    api_defaults: ClassVar[dict] = {}
    # API inputs the form parses itself (a list of opinion items): name → DRF field, for the
    # OpenAPI schema only.
    api_schema: ClassVar[dict] = {}

    def __init__(self, data=None, files=None, *, record, user=None, api=False, **kwargs):
        self.record, self.user = record, user
        if api and data is not None and self.api_defaults:
            data = data.copy()
            for name, value in self.api_defaults.items():
                if name not in data:
                    data[name] = value
        super().__init__(data, files, **kwargs)
        self.fields["version"].initial = record.version
        self.fields["version"].required = api

    def service_arguments(self) -> dict:
        """The keyword arguments the step's service takes (besides the record and the user)."""
        return dict(self.cleaned_data)

    @property
    def is_button(self) -> bool:
        """Nothing to fill in: the step is a button on the record's page."""
        return not self.visible_fields()


class DatedStepForm(StepForm):
    """A step that records the day something happened (`on`; today unless changed, where the
    day is usually today)."""

    on = forms.DateField(label=_("Date"), widget=DATE)
    on_label: ClassVar[Any] = None
    on_today: ClassVar[bool] = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from fazhi.timelimits import selectors  # the platform's "today" (tests may set it)

        if self.on_today:
            self.fields["on"].initial = selectors.today()
        if self.on_label:
            self.fields["on"].label = self.on_label


def dated(label, *, today: bool = True) -> type[DatedStepForm]:
    """A dated step's form whose date is called `label` ("Copy sent on"); `today=False` where
    the day is seldom today (a court's papers arrive before they are recorded)."""
    return type("DatedStepForm", (DatedStepForm,), {"on_label": label, "on_today": today})


# --- the steps ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Situation:
    """What decides whether a step is open: the record, its clocks and who is looking."""

    record: Any
    clocks: list
    user: Any

    def running(self, *codes: str):
        """The first clock of these rules still running (completed or not started: None)."""
        return next(
            (c for c in self.clocks if c.rule.code in codes and c.completed_on is None), None
        )


def always(situation: Situation) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    key: str  # in the address, as the form's prefix and the API action's name
    title: Any  # what the step is called: its page's heading, the panel's entry
    form: type[StepForm]
    service: Callable
    # "app_label.codename", or a function of (user, record) for a rule a permission cannot
    # say (a department withdraws its own request while it is open)
    permission: str | Callable[[Any, Any], bool]
    when: Callable[[Situation], bool] = always  # whether the record's page offers it now
    done: Any = _("Saved.")  # the message once done, or a function of the service's result
    button: Any = None  # the submit button's label (default: the title)
    inline: bool = True  # offered on the record's page as its form (False: a link to its page)
    # The API action's name where clients already know another one than `key`.
    api_name: str = ""
    # Asked in a dialog before the step is taken on a page (an act that cannot be undone).
    confirm: Any = None
    # Said to an API caller refused by a `permission` function (why this user may not).
    forbidden: Any = None
    # Said when the step is posted while not open, instead of asking the service (whose
    # first refusal may be a lesser one: a stale version of a request concluded meanwhile).
    closed: Any = None
    # A refusal that deserves a page of its own (the report's checks): (request, record,
    # error) → a response, or None for the usual errors on the form.
    refused: Callable | None = None

    @property
    def label(self):
        return self.button or self.title

    @property
    def action(self) -> str:
        return self.api_name or self.key

    def done_message(self, result) -> str:
        return str(self.done(result) if callable(self.done) else self.done)

    def allows(self, user, record) -> bool:
        if callable(self.permission):
            return bool(self.permission(user, record))
        return user.has_perm(self.permission)


@dataclass
class Offer:
    """A step the record's page offers: the step, its unbound form and where it posts."""

    step: Step
    form: StepForm
    url: str
    expanded: bool = False  # shown open (one of few steps with fields)


@dataclass
class Workflow:
    """The steps of one record kind."""

    model: type
    record_arg: str  # the services' keyword for the record: "case", "lawsuit" …
    get_for_user: Callable  # (user, pk) → the record, 404 outside the user's scope
    url_name: str  # "litigation:lawsuit_step"
    list_url_name: str  # for the step page's breadcrumbs
    list_title: Any
    steps: list[Step] = field(default_factory=list)
    user_arg: str = "user"  # the services' keyword for who acts

    def __post_init__(self):
        self.by_key = {step.key: step for step in self.steps}
        if len(self.by_key) != len(self.steps):
            raise ValueError(f"{self.model.__name__}: two steps with the same key")

    @property
    def view_permission(self) -> str:
        meta = self.model._meta
        return f"{meta.app_label}.view_{meta.model_name}"

    # --- what the record's page offers ------------------------------------------------------

    def situation(self, record, user, clocks=None) -> Situation:
        if clocks is None:
            from fazhi.timelimits.selectors import deadlines_for

            clocks = list(deadlines_for(record))
        return Situation(record, list(clocks), user)

    def open_steps(self, record, user=None, clocks=None) -> list[str]:
        """The keys of the steps open to the record in its present state."""
        situation = self.situation(record, user, clocks)
        return [step.key for step in self.steps if step.when(situation)]

    def offered(self, request, record, clocks=None) -> list[Offer]:
        """The steps open to the record now that the user may take, each with its form."""
        situation = self.situation(record, request.user, clocks)
        offers = [
            Offer(step, self.form_for(step, record, request.user), self.step_url(record, step))
            for step in self.steps
            if step.allows(request.user, record) and step.when(situation)
        ]
        with_fields = [o for o in offers if o.step.inline and not o.form.is_button]
        if len(with_fields) <= SHOWN_OPEN:
            for offer in with_fields:
                offer.expanded = True
        return offers

    def form_for(self, step: Step, record, user, data=None, files=None) -> StepForm:
        return step.form(data, files, record=record, user=user, prefix=step.key)

    def step_url(self, record, step: Step) -> str:
        return reverse(self.url_name, args=[record.pk, step.key])

    def run(self, step: Step, record, user, form: StepForm):
        """Take the step: its service with the record, who acts and the form's input."""
        arguments = {self.record_arg: record, self.user_arg: user, **form.service_arguments()}
        return step.service(**arguments)

    # --- the step's page --------------------------------------------------------------------

    def urls(self, prefix: str) -> list:
        """`<prefix><pk>/steps/<key>/`, named after `url_name`; unknown steps are 404."""
        name = self.url_name.rpartition(":")[2]
        return [path(f"{prefix}<int:pk>/steps/<slug:step>/", self.page, name=name)]

    @property
    def page(self):
        return login_required(self._page)

    def _page(self, request, pk, step):
        spec = self.by_key.get(step)
        if spec is None:
            raise Http404
        user = request.user
        if not user.has_perm(self.view_permission):
            raise PermissionDenied
        if isinstance(spec.permission, str) and not user.has_perm(spec.permission):
            raise PermissionDenied
        record = self.get_for_user(user, pk)
        if not spec.allows(user, record):
            raise PermissionDenied
        posted = request.method == "POST"
        form = self.form_for(
            spec, record, user, request.POST if posted else None, request.FILES if posted else None
        )
        open_now = spec.when(self.situation(record, user))
        if posted:
            if spec.closed and not open_now:
                form.is_valid()
                form.add_error(None, str(spec.closed))
            elif form.is_valid():
                try:
                    result = self.run(spec, record, user, form)
                except ValidationError as error:
                    response = spec.refused(request, record, error) if spec.refused else None
                    if response is not None:
                        return response
                    put_errors(form, error)
                else:
                    messages.success(request, spec.done_message(result))
                    return redirect(record)
            if form.is_button:  # refused: the reason goes back to the record's page
                messages.error(request, "；".join(_messages(form)))
                return redirect(record)
        context = {
            "workflow": self,
            "record": record,
            "step": spec,
            "form": form,
            "open_now": open_now,
        }
        return render(request, "core/step.html", context)

    # --- the API ----------------------------------------------------------------------------

    def api_actions(self, *, serializer, results=None) -> type:
        """A mixin for the record kind's viewset: one POST action per step, answering the
        record as `serializer` shows it; `results` names, by step key, the serializer of a
        step whose service makes a new record (a lawsuit's hearing), answered with 201."""
        attributes = {}
        for step in self.steps:
            name = step.action.replace("-", "_")
            if keyword.iskeyword(name):
                name += "_"
            result = (results or {}).get(step.key)
            attributes[name] = self._api_action(step, serializer, name, result)
        return type(f"{self.model.__name__}Steps", (), attributes)

    def _api_action(self, step: Step, serializer, name: str, result_serializer=None):
        from drf_spectacular.utils import extend_schema
        from rest_framework import serializers as drf
        from rest_framework.decorators import action
        from rest_framework.exceptions import PermissionDenied as Forbidden
        from rest_framework.permissions import BasePermission
        from rest_framework.response import Response

        from fazhi.core.drf import service_errors

        workflow = self
        needed = [self.view_permission]
        if isinstance(step.permission, str):
            needed.append(step.permission)

        class MayTakeStep(BasePermission):
            """The step changes the record: its permission, whatever the HTTP verb."""

            def has_permission(self, request, view):
                user = request.user
                return bool(user and user.is_authenticated and user.has_perms(needed))

        def act(viewset, request, pk=None):
            record = viewset.get_object()  # outside the caller's scope: 404
            if not step.allows(request.user, record):
                raise Forbidden(str(step.forbidden) if step.forbidden else None)
            if not isinstance(request.data, Mapping):
                raise drf.ValidationError({"non_field_errors": [str(NOT_AN_OBJECT)]})
            form = step.form(request.data, record=record, user=request.user, api=True)
            if not form.is_valid():
                raise drf.ValidationError(_api_errors(form))
            with service_errors():
                result = workflow.run(step, record, request.user, form)
            context = viewset.get_serializer_context()
            if result_serializer is not None:
                return Response(result_serializer(result, context=context).data, status=201)
            record.refresh_from_db()  # the record as the step left it
            return Response(serializer(record, context=context).data)

        act.__name__ = name  # DRF routes an action by its function's name
        act = action(
            detail=True,
            methods=["post"],
            url_path=step.action,
            url_name=step.action,
            permission_classes=[MayTakeStep],
        )(act)
        schema_name = f"{self.model.__name__}{name.title().replace('_', '')}Input"
        responses = {201: result_serializer} if result_serializer else {200: serializer}
        return extend_schema(
            request=input_serializer(schema_name, step.form),
            responses=responses,
            summary=step.title,
        )(act)


def _messages(form) -> list[str]:
    return [str(m) for errors in form.errors.values() for m in errors]


def _api_errors(form) -> dict:
    """The form's errors as DRF answers them: field → messages, `non_field_errors` for the
    form as a whole."""
    return {
        ("non_field_errors" if name == "__all__" else name): [str(m) for m in errors]
        for name, errors in form.errors.items()
    }


# --- the OpenAPI schema of a step's input ---------------------------------------------------


def input_serializer(name: str, form_class: type[StepForm]):
    """A serializer describing what the form takes, for the OpenAPI schema only (the form
    itself validates)."""
    from rest_framework import serializers as drf

    from fazhi.core.drf import VERSION_HELP

    fields = {}
    for field_name, form_field in form_class.base_fields.items():
        optional = field_name in form_class.api_defaults
        fields[field_name] = _schema_field(form_field, optional)
    fields["version"] = drf.IntegerField(help_text=VERSION_HELP)
    fields.update(form_class.api_schema)
    return type(name, (drf.Serializer,), fields)


def _schema_field(form_field, optional: bool):
    from rest_framework import serializers as drf

    options = {"required": form_field.required and not optional}
    if form_field.help_text:
        options["help_text"] = str(form_field.help_text)
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        return drf.ListField(child=drf.IntegerField(), **options)
    if isinstance(form_field, forms.ModelChoiceField):
        return drf.IntegerField(**options)
    if isinstance(form_field, forms.ChoiceField):
        choices = [c for c in form_field.choices if c[0] != ""]
        if choices:
            return drf.ChoiceField(choices=choices, **options)
        return drf.CharField(**options)
    if isinstance(form_field, forms.DateField):
        return drf.DateField(**options)
    if isinstance(form_field, forms.BooleanField):
        return drf.BooleanField(**{**options, "required": False})
    if isinstance(form_field, forms.IntegerField):
        return drf.IntegerField(
            min_value=form_field.min_value, max_value=form_field.max_value, **options
        )
    if isinstance(form_field, forms.DecimalField):
        return drf.DecimalField(
            max_digits=form_field.max_digits, decimal_places=form_field.decimal_places, **options
        )
    return drf.CharField(allow_blank=not options["required"], **options)
